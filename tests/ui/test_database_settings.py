"""数据库设置: a clerk types the office's server into the dialog, tests the connection, and the program
opens that database at the next start, on a real PostgreSQL server, with real keys and clicks.

This machine has no OS credential store (no Windows 凭据管理器, no Secret Service): where a test needs
one, it installs an in-memory keyring backend, the same interface `keyring` gives the real stores.
"""

from __future__ import annotations

import json

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from desktop.services import database_choice as choices
from desktop.ui.database_settings import DatabaseSettingsDialog, open_chosen_database
from tests.pg_server import PASSWORD, ROLE


class MemoryKeyring(KeyringBackend):
    """Stands in for the OS credential store this test machine lacks."""

    priority = 1

    def __init__(self):
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        if (service, username) not in self.items:
            raise PasswordDeleteError(username)
        del self.items[(service, username)]


@pytest.fixture
def credential_store():
    import keyring

    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def no_credential_store():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    yield
    keyring.set_keyring(previous)


@pytest.fixture
def server_db(pg_server):
    return pg_server.new_database()


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Delete)
    qtbot.keyClicks(widget, text)


def fill(qtbot, dialog, pg_server, database: str, password: str) -> None:
    qtbot.mouseClick(dialog.server_radio, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.host_edit, "127.0.0.1")
    type_into(qtbot, dialog.port_edit, str(pg_server.port))
    type_into(qtbot, dialog.database_edit, database)
    type_into(qtbot, dialog.user_edit, ROLE)
    type_into(qtbot, dialog.password_edit, password)


def test_the_clerk_sets_up_the_shared_database_and_it_opens_at_the_next_start(
    qtbot, pg_server, server_db, tmp_path, credential_store
):
    dialog = DatabaseSettingsDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.file_radio.isChecked() and not dialog.server_box.isEnabled()

    fill(qtbot, dialog, pg_server, server_db, "wrong-password")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "密码不正确" in dialog.result_label.text(), timeout=10_000)

    type_into(qtbot, dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_label.text().startswith("连接成功"), timeout=10_000)
    assert "数据库是空的" in dialog.result_label.text()
    assert dialog.password_edit.text() == PASSWORD and dialog.password_edit.displayText() != PASSWORD  # shown as dots

    qtbot.mouseClick(dialog.remember_check, Qt.MouseButton.LeftButton)
    assert dialog.remember_check.isChecked()
    qtbot.waitUntil(lambda: dialog.test_button.isEnabled())
    qtbot.keyClick(dialog, Qt.Key.Key_Return)  # 确定
    assert dialog.result() == DatabaseSettingsDialog.DialogCode.Accepted

    remembered = (tmp_path / "database.json").read_text(encoding="utf-8")
    assert json.loads(remembered) == {"server": f"postgresql://{ROLE}@127.0.0.1:{pg_server.port}/{server_db}"}
    assert PASSWORD not in remembered  # never in a file
    assert list(credential_store.items.values()) == [PASSWORD]

    # The next start: no --db, the remembered server and the stored password; nothing asked.
    database = open_chosen_database(None, folder=tmp_path)
    try:
        assert database.is_shared and database.path.database == server_db
        assert database.units().list() == []  # created by the migrations on first use
    finally:
        database.close()

    # The dialog opened again shows what was chosen, the password from the store.
    again = DatabaseSettingsDialog(folder=tmp_path)
    qtbot.addWidget(again)
    assert again.server_radio.isChecked() and again.host_edit.text() == "127.0.0.1"
    assert again.password_edit.text() == PASSWORD and again.remember_check.isChecked()
    # 记住密码 unticked: the password is taken out of the store.
    again.show()
    qtbot.mouseClick(again.remember_check, Qt.MouseButton.LeftButton)
    qtbot.keyClick(again, Qt.Key.Key_Return)
    assert credential_store.items == {}

    # Back to the local file.
    last = DatabaseSettingsDialog(folder=tmp_path)
    qtbot.addWidget(last)
    last.show()
    qtbot.mouseClick(last.file_radio, Qt.MouseButton.LeftButton)
    assert not last.server_box.isEnabled()
    qtbot.keyClick(last, Qt.Key.Key_Return)
    assert choices.load_choice(tmp_path) == choices.DatabaseChoice()


def test_an_incomplete_form_is_answered_in_chinese(qtbot, tmp_path):
    dialog = DatabaseSettingsDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.server_radio, Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.port_edit, "abc")  # letters never reach the port field
    assert dialog.port_edit.text() == ""
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    assert "请填写服务器地址、用户名" in dialog.result_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert dialog.isVisible() and not (tmp_path / "database.json").exists()


def test_without_a_credential_store_the_password_is_asked_at_each_start(
    qtbot, pg_server, server_db, tmp_path, no_credential_store
):
    dialog = DatabaseSettingsDialog(folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.remember_check.isEnabled() and "每次启动时询问密码" in dialog.remember_check.text()
    fill(qtbot, dialog, pg_server, server_db, PASSWORD)
    qtbot.keyClick(dialog, Qt.Key.Key_Return)
    assert PASSWORD not in (tmp_path / "database.json").read_text(encoding="utf-8")

    def answer_the_prompt():
        prompt = QApplication.activeModalWidget()
        assert isinstance(prompt, QInputDialog) and "请输入用户“fulian”" in prompt.labelText()
        line = prompt.findChild(type(dialog.password_edit))
        qtbot.keyClicks(line, PASSWORD)
        qtbot.keyClick(line, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_the_prompt)
    database = open_chosen_database(None, folder=tmp_path)
    try:
        assert database.is_shared and database.units().list() == []
    finally:
        database.close()


def test_a_server_that_refuses_offers_the_settings_and_giving_up_ends_start_up(qtbot, pg_server, tmp_path):
    url = f"postgresql://{ROLE}:wrong@127.0.0.1:{pg_server.port}/{pg_server.new_database()}"

    def give_up():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and "密码不正确" in box.text()
        quit_button = [b for b in box.buttons() if b.text().startswith("退出")][0]
        qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, give_up)
    assert open_chosen_database(url, folder=tmp_path) is None
