"""数据库设置: the embedded file or an office's shared PostgreSQL database, with 测试连接.

The choice is remembered for the next start (services.database_choice); the password never goes to a
file: it goes to the operating system's credential store when the clerk ticks 记住密码 and the PC has
one, otherwise the program asks for it at each start.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services import database_choice as choices
from .dialog_parts import fit_to_content
from .operations import Operation


class DatabaseSettingsDialog(QDialog):
    """Host, port, database, user and password of a shared database, or the local file."""

    def __init__(self, parent: Optional[QWidget] = None, *, folder=None):
        super().__init__(parent)
        self.setWindowTitle("数据库设置")
        self._folder = folder  # where the choice is remembered (the user's data folder unless a test says)
        self.choice: choices.DatabaseChoice | None = None  # set when accepted
        self.password: str | None = None
        current = choices.load_choice(folder)

        self.file_radio = QRadioButton("本机数据库文件（一个人使用，默认）")
        self.server_radio = QRadioButton("共用数据库（几台电脑一起填报，PostgreSQL 服务器）")

        self.host_edit = QLineEdit()
        self.host_edit.setPlaceholderText("如 192.168.1.10 或 fulian-server")
        self.port_edit = QLineEdit("5432")
        self.port_edit.setValidator(QIntValidator(1, 65535, self))
        self.database_edit = QLineEdit("fulian")
        self.user_edit = QLineEdit()
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_check = QCheckBox("在本机的凭据管理器中记住密码")
        if not choices.credential_store_available():
            self.remember_check.setEnabled(False)
            self.remember_check.setText("本机没有可用的凭据管理器：每次启动时询问密码")
        self.test_button = QPushButton("测试连接(&T)")
        self.test_button.clicked.connect(self.test_connection)
        self.result_label = QLabel("")
        self.result_label.setWordWrap(True)

        form = QFormLayout()
        form.addRow("服务器地址：", self.host_edit)
        form.addRow("端口：", self.port_edit)
        form.addRow("数据库名：", self.database_edit)
        form.addRow("用户名：", self.user_edit)
        form.addRow("密码：", self.password_edit)
        form.addRow("", self.remember_check)
        form.addRow(self.test_button, self.result_label)
        self.server_box = QGroupBox("共用数据库")
        self.server_box.setLayout(form)

        note = QLabel(
            "共用数据库由单位的管理员在一台服务器上建好（见说明书“几台电脑共用一个数据库”）。"
            "更改后，重新启动程序即使用新的数据库。"
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.file_radio)
        layout.addWidget(self.server_radio)
        layout.addWidget(self.server_box)
        layout.addWidget(note)
        layout.addWidget(self.buttons)

        self.server_radio.toggled.connect(self.server_box.setEnabled)
        if current.server is not None:
            self.server_radio.setChecked(True)
            self.host_edit.setText(current.server.host)
            self.port_edit.setText(str(current.server.port))
            self.database_edit.setText(current.server.database)
            self.user_edit.setText(current.server.user)
            remembered = choices.remembered_password(current.server)
            if remembered:
                self.password_edit.setText(remembered)
                self.remember_check.setChecked(True)
        else:
            self.file_radio.setChecked(True)
            self.server_box.setEnabled(False)
        self._testing: Operation | None = None
        fit_to_content(self)

    # ------------------------------------------------------------------ 测试连接

    def _location(self):
        return choices.server_location(
            self.host_edit.text(), self.port_edit.text(), self.database_edit.text(), self.user_edit.text()
        )

    def test_connection(self) -> None:
        try:
            location = self._location()
        except UserError as exc:
            self._show_result(exc.message, ok=False)
            return
        password = self.password_edit.text()
        self.test_button.setEnabled(False)
        self._show_result(f"正在连接 {location.server} …", ok=True)
        self._testing = (
            Operation(self, "测试连接", lambda _progress: choices.check_connection(location, password))
            .without_progress()
            .success(lambda probe: self._show_result(probe.summary, ok=probe.usable))
            .failure(lambda exc: self._show_result(exc.message, ok=False))
            .run_in_background()
        )
        self._testing.done.connect(lambda: self.test_button.setEnabled(True))

    def _show_result(self, text: str, ok: bool) -> None:
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if ok else "color: #b00020;")

    # ------------------------------------------------------------------ 确定

    def accept(self) -> None:
        try:
            if self.server_radio.isChecked():
                location = self._location()
                password = self.password_edit.text() or None
                if self.remember_check.isEnabled():
                    choices.remember_password(location, password if self.remember_check.isChecked() else None)
                choice = choices.DatabaseChoice(server=location)
            else:
                choice = choices.DatabaseChoice()
                password = None
            choices.save_choice(choice, self._folder)
        except UserError as exc:
            self._show_result(exc.message, ok=False)
            return
        self.choice, self.password = choice, password
        super().accept()


def ask_password(parent: Optional[QWidget], location) -> str | None:
    """At start-up, when no password is remembered: ask for it (None when the clerk cancels)."""
    text, ok = QInputDialog.getText(
        parent,
        "共用数据库的密码",
        f"请输入用户“{location.user}”登录共用数据库 {location.database}（{location.server}）的密码：",
        QLineEdit.EchoMode.Password,
    )
    return text if ok else None


def open_chosen_database(locator: str | None, parent: Optional[QWidget] = None, folder=None):
    """Start-up: open --db or the remembered database; on a server, ask for a password none is kept for.

    When the database cannot be opened, say why and offer 数据库设置 (to fix the address or password,
    or to go back to the local file) until it opens or the clerk gives up (None).
    """
    from PySide6.QtWidgets import QMessageBox

    from .. import APP_TITLE

    password = None
    while True:
        choice = choices.load_choice(folder) if not locator else None
        if choice is not None and choice.server is not None and choices.remembered_password(choice.server) is None \
                and password is None:
            password = ask_password(parent, choice.server)
            if password is None:
                return None
        try:
            database, _used = choices.open_chosen(locator, password, folder)
            return database
        except UserError as exc:
            box = QMessageBox(QMessageBox.Icon.Critical, APP_TITLE, f"无法打开数据库。\n\n{exc.message}", parent=parent)
            settings = box.addButton("数据库设置(&S)…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("退出(&Q)", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            if box.clickedButton() is not settings:
                return None
            dialog = DatabaseSettingsDialog(parent, folder=folder)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            locator, password = None, dialog.password
