"""Form fields bound to field paths of the open report: shown, edited through the Editor, marked.

A page declares its fields (`binder.line("report.profile.full_name")` …); the binder loads them when a
report opens or an undo changes them, writes each edit as it is typed, shows a validation message
under the field it concerns, and can put the cursor in the field a validation issue names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIntValidator, QKeySequence, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..domain.money import MoneyError, parse_amount, plain_number
from ..domain import fieldpath
from ..services.figures import yuan_wan_text
from .cell_values import parse_cell
from .editor import Editor
from .growing_text import GrowingText
from .marks import mark_field, set_tone
from .table_model import Kind
from .wan_suggestion import WanSuggestion, looks_like_wan



class OneLineMessage(QLabel):
    """A field's message in space kept for it: one line, elided, the whole text as its tooltip —
    so a message appearing while the clerk types moves nothing under her mouse."""

    def __init__(self):
        super().__init__()
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        self.setSizePolicy(policy)
        self.setFixedHeight(self.fontMetrics().height() + 2)

    def setText(self, text: str) -> None:
        super().setText(text)
        self.setToolTip(text)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        first = self.text().split("\n")[0] + (" …" if "\n" in self.text() else "")
        shown = self.fontMetrics().elidedText(first, Qt.TextElideMode.ElideRight, self.width())
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), shown)


@dataclass
class Binding:
    template: str  # a field path; "@" stands for the binder's base (the selected project, task …)
    widget: QWidget  # the widget that takes focus
    container: QWidget  # what goes into the layout (the widget and its message line)
    message: QLabel
    load: Callable[[Any], None]


class EnterMovesOn(QObject):
    """Enter in a one-line field moves to the next field, as the clerk expects from a paper form;
    Ctrl+Z / Ctrl+Y go to the window's undo, not the field's own, so there is one history of edits."""

    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo)
            or (event.key() == Qt.Key.Key_Y and event.modifiers() == Qt.KeyboardModifier.ControlModifier)
        ):
            event.ignore()
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if isinstance(obj, QPlainTextEdit):
                return False  # Enter starts a new paragraph in a text
            if isinstance(obj, QLineEdit) or (isinstance(obj, QComboBox) and not obj.view().isVisible()):
                obj.focusNextChild()
                return True
        return False


class FormBinder(QObject):
    def __init__(self, editor: Editor, parent: QObject | None = None, base: str | None = None,
                 reserve_messages: bool = False):
        super().__init__(parent)
        self.editor = editor
        # Keep a line under every field for its message (a form she types figures into and clicks around).
        self.reserve_messages = reserve_messages
        self.base = base  # for detail forms: the path of the item shown, e.g. report.projects[2]
        self.bindings: list[Binding] = []
        self._loading = False
        self._enter = EnterMovesOn(self)
        editor.report_loaded.connect(self.load_all)
        editor.changed.connect(self._changed)

    def path(self, binding_or_template) -> str | None:
        template = binding_or_template.template if isinstance(binding_or_template, Binding) else binding_or_template
        if "@" not in template:
            return template
        return None if self.base is None else template.replace("@", self.base)

    def set_base(self, base: str | None) -> None:
        self.base = base
        self.load_all()

    # -------------------------------------------------------------- building fields

    def _wrap(self, path: str, widget: QWidget, load, extra: QWidget | None = None) -> Binding:
        container = QWidget()
        box = QVBoxLayout(container)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(1)
        if extra is not None:
            line = QHBoxLayout()
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(widget, 1)
            line.addWidget(extra)
            line.addStretch(0 if widget.maximumWidth() > 10**6 else 1)
            box.addLayout(line)
        else:
            box.addWidget(widget)
        container.setFocusProxy(widget)  # a form label's Alt+letter lands in the field itself
        if self.reserve_messages:
            message = OneLineMessage()
        else:
            message = QLabel()
            message.setWordWrap(True)
        message.hide()
        box.addWidget(message)
        if "@" not in path:
            fieldpath.check_names_a_field(path)  # caught when the form is built, before any report is open
        binding = Binding(path, widget, container, message, load)
        self.bindings.append(binding)
        return binding

    def line(self, path: str, placeholder: str = "") -> Binding:
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._enter)
        edit.textEdited.connect(lambda text: self._edit(self.path(path), text))

        def load(value):
            if edit.text() != (value or ""):
                edit.setText(value or "")

        return self._wrap(path, edit, load)

    def committed_line(self, path: str, placeholder: str = "", check: Callable[[str], str | None] | None = None,
                       title: str = "") -> Binding:
        """A line written once the clerk leaves it (Enter, Tab, a click elsewhere), not as each key is typed:
        for a name that must be unique, where a half-typed name must never be stored. `check(text)` gives
        a reason to refuse the value; the clerk is told it and the stored value comes back."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._enter)

        def finished():
            target = self.path(path)
            if self._loading or self.editor.report is None or target is None:
                return
            text = edit.text().strip()
            stored = self.editor.get(target) or ""
            if text == stored:
                if edit.text() != stored:
                    edit.setText(stored)
                return
            problem = check(text) if check is not None else None
            if problem:
                edit.setText(stored)  # before the message: leaving the field for it must not commit again
                QMessageBox.warning(edit.window(), title or "无法修改", problem)
                edit.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.editor.set(target, text, merge=False)

        edit.editingFinished.connect(finished)

        def load(value):
            if edit.text() != (value or ""):
                edit.setText(value or "")

        return self._wrap(path, edit, load)

    def text(self, path: str, placeholder: str = "", lines: int = 4) -> Binding:
        edit = GrowingText(lines)  # grows with its text inside the page's scroll area
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.installEventFilter(self._enter)
        edit.textChanged.connect(lambda: self._loading or self._edit(self.path(path), edit.toPlainText()))

        def load(value):
            if edit.toPlainText() != (value or ""):
                edit.setPlainText(value or "")

        return self._wrap(path, edit, load)

    def number(self, path: str, kind: Kind = Kind.INT, suffix: str = "", placeholder: str = "", empty=None) -> Binding:
        """A whole number (人数, 编制) or a decimal (分值); empty means not entered."""
        edit = QLineEdit()
        edit.setPlaceholderText(placeholder)
        edit.installEventFilter(self._enter)
        edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("0" * 14))
        if kind is Kind.INT:
            edit.setValidator(QIntValidator(0, 10**9, edit))
        unit = QLabel(suffix) if suffix else None
        binding: Binding

        def edited(text):
            try:
                value = parse_cell(kind, text.strip())
            except ValueError as exc:
                self._mark(binding, "error", str(exc))
                return
            self._mark(binding, None, "")
            self._edit(self.path(path), empty if value is None else value, kind=kind)

        edit.textEdited.connect(edited)

        if empty is not None and not placeholder:
            edit.setPlaceholderText("未填写")

        def load(value):
            # `empty` is what the report stores for “not entered” (编制 0): shown empty, not as a figure.
            unknown = value is None or (empty is not None and value == empty)
            text = "" if unknown else (plain_number(value) if kind is Kind.DECIMAL else str(value))
            try:
                typed = parse_cell(kind, edit.text().strip())
            except ValueError:
                typed = object()
            # Leave what the clerk is typing ("1.50", "07") alone when it already means this value.
            if typed != (empty if value is None else value) or (value is None and typed is not None and empty is None):
                edit.setText(text)

        binding = self._wrap(path, edit, load, unit)
        return binding

    def money(self, path: str, compact: bool = False, suggestion: WanSuggestion | None = None,
              where: str = "") -> Binding:
        """An amount in 元; the clerk may type “2.5万”. Beside it (or, compact, in its tooltip) both units.

        An amount that looks like 万元 typed as 元 gets a one-click fix: beside the field, or for a compact
        field in `suggestion`, the line a grid of such fields shares (`where` names the field there)."""
        edit = QLineEdit()
        edit.setPlaceholderText("元" if compact else "金额（元），如 12345.6 或 2.5万")
        edit.installEventFilter(self._enter)
        edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        width = edit.fontMetrics().horizontalAdvance("0" * 16)
        edit.setMinimumWidth(width // 2 if compact else width)
        if not compact:
            edit.setMaximumWidth(width * 2)
        shown = QLabel()
        if not compact:
            shown.setMinimumWidth(shown.fontMetrics().horizontalAdvance("0,000,000.00元（000.00万元）"))
        # "25.3" in a budget field is 25.30 元 as typed, but most likely meant 25.3 万元: one click fixes it.
        to_wan = suggestion
        if to_wan is None and not compact:
            to_wan = WanSuggestion(keep_space=False)
            to_wan.setFixedHeight(edit.sizeHint().height())

        def suggest(value):
            if to_wan is None:
                return
            if looks_like_wan(value):
                to_wan.offer(edit, value, accept_wan, where)
            else:
                to_wan.withdraw(edit)

        def accept_wan(value):
            edit.setText(plain_number(value))
            edited(edit.text())
            edit.setFocus(Qt.FocusReason.OtherFocusReason)

        binding: Binding

        def edited(text):
            text = text.strip()
            if not text:
                value = None
            else:
                try:
                    value = parse_amount(text)
                except MoneyError as exc:
                    self._mark(binding, "error", str(exc))
                    return
            self._mark(binding, None, "")
            show(value)
            self._edit(self.path(path), value, kind=Kind.MONEY)

        edit.textEdited.connect(edited)
        edit.editingFinished.connect(lambda: self._load(binding) if not binding.message.isVisible() else None)

        def show(value, offer=True):
            shown.setText("" if value is None else yuan_wan_text(value))
            if offer or not looks_like_wan(value):
                suggest(value)
            if compact and not binding.message.isVisible():
                edit.setToolTip(shown.text())

        def load(value):
            # A shared line offers only for what was just typed, not for every small figure of an item shown.
            show(value, offer=suggestion is None)
            text = "" if value is None else plain_number(value)
            current = edit.text().strip()
            try:
                same = (parse_amount(current) if current else None) == value
            except MoneyError:
                same = False
            if not same:
                edit.setText(text)

        extra = None
        if not compact:
            extra = QWidget()
            beside = QHBoxLayout(extra)
            beside.setContentsMargins(0, 0, 0, 0)
            beside.addWidget(shown)
            beside.addWidget(to_wan)
            beside.addStretch(1)
        binding = self._wrap(path, edit, load, extra)
        if compact:
            shown.setParent(binding.container)
            shown.hide()
        return binding

    def choice(self, path: str, choices: list[tuple[str, Any]], editable: bool = False) -> Binding:
        combo = QComboBox()
        combo.setEditable(editable)
        # Values stay in Python (by position): Qt would turn a str-based enum into a plain str.
        for label, _value in choices:
            combo.addItem(label)
        combo.installEventFilter(self._enter)
        combo.activated.connect(lambda i: 0 <= i < len(choices) and self._edit(self.path(path), choices[i][1], merge=False))
        if editable:
            combo.lineEdit().textEdited.connect(lambda text: self._edit(self.path(path), text))

        def load(value):
            index = next((i for i, (_l, choice) in enumerate(choices) if choice == value), -1)
            if index >= 0:
                combo.setCurrentIndex(index)
            elif editable:
                combo.setEditText(value or "")

        return self._wrap(path, combo, load)

    # -------------------------------------------------------------- edit and load

    def _edit(self, path: str, value: Any, kind: Kind | None = None, merge: bool = True) -> None:
        if self._loading or self.editor.report is None or path is None:
            return
        self.editor.set(path, value, merge=merge)

    def load_all(self) -> None:
        self._loading = True
        try:
            for binding in self.bindings:
                self._load(binding)
                self._mark(binding, None, "")
        finally:
            self._loading = False

    def _load(self, binding: Binding) -> None:
        report = self.editor.report
        path = self.path(binding)
        binding.container.setEnabled(report is not None and path is not None)
        if report is None or path is None:
            binding.load(None)
            return
        fieldpath.check_names_a_field(path)  # a misspelt path is a bug: raise, never show an empty field
        try:
            value = fieldpath.get(report, path)
        except fieldpath.FieldPathError:
            value = None  # the item is not (or no longer) in this report, e.g. a project just removed
        binding.load(value)

    def _changed(self, path: str) -> None:
        self._loading = True
        try:
            for binding in self.bindings:
                own = self.path(binding)
                if own is not None and fieldpath.is_within(own, path):
                    self._load(binding)
        finally:
            self._loading = False

    # -------------------------------------------------------------- validation

    def _mark(self, binding: Binding, severity: str | None, message: str) -> None:
        if severity is None:
            if binding.message.isVisible() or binding.message.text():
                binding.message.hide()
                binding.message.setText("")
        else:
            binding.message.setText(message)
            set_tone(binding.message, {"error": "bad"}.get(severity, severity))
            binding.message.show()
        mark_field(binding.widget, severity)
        binding.widget.setToolTip(message)

    def binding_for(self, path: str) -> Binding | None:
        """The field for a path: itself, else the nearest enclosing field bound on this form."""
        best = None
        best_path = ""
        for binding in self.bindings:
            own = self.path(binding)
            if own is not None and fieldpath.is_within(path, own) and len(own) > len(best_path):
                best, best_path = binding, own
        return best

    def set_issues(self, issues: list[tuple[str, str, str]]) -> None:
        marks: dict[int, tuple[str, list[str]]] = {}
        for path, severity, message in issues:
            binding = self.binding_for(path)
            if binding is None:
                continue
            key = id(binding)
            if key in marks:
                marks[key][1].append(message)
            else:
                marks[key] = (severity, [message])
        for binding in self.bindings:
            mark = marks.get(id(binding))
            if mark is None:
                self._mark(binding, None, "")
            else:
                self._mark(binding, mark[0], "\n".join(mark[1]))

    def binding_within(self, path: str) -> Binding | None:
        """The field for a path, else the first field inside it (“编制” as a whole → 行政编制)."""
        found = self.binding_for(path)
        if found is not None:
            return found
        for binding in self.bindings:
            own = self.path(binding)
            if own is not None and fieldpath.is_within(own, path):
                return binding
        return None

    def focus(self, path: str) -> bool:
        binding = self.binding_within(path)
        if binding is None:
            return False
        binding.widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
