"""What every page has: its bound fields and tables, validation marks, and jumping to a field."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFormLayout, QGridLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...domain import fieldpath
from ..binding import FormBinder
from ..editor import Editor
from ..marks import set_tone
from ..table_editor import TableEditor


class Page(QWidget):
    title = ""
    # Field paths this page edits (validation issues under them are shown here).
    prefixes: tuple[str, ...] = ()

    def __init__(self, editor: Editor, parent=None):
        super().__init__(parent)
        self.editor = editor
        self.binder = FormBinder(editor, self)
        self.tables: list[TableEditor] = []
        self.detail_binders: list[FormBinder] = []

    # -------------------------------------------------------------- building helpers

    def scrolled(self) -> QVBoxLayout:
        """A scrolling column for a long form; returns the layout to fill."""
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        area = QScrollArea()
        area.setWidgetResizable(True)
        area.setFrameShape(QScrollArea.Shape.NoFrame)
        inner = QWidget()
        area.setWidget(inner)
        outer.addWidget(area)
        layout = QVBoxLayout(inner)
        return layout

    @staticmethod
    def group(title: str) -> tuple[QGroupBox, QFormLayout]:
        box = QGroupBox(title)
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        return box, form

    @staticmethod
    def figure_label() -> QLabel:
        """A live figure beside the fields (a total, a share, the balance)."""
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        set_tone(label, "figure")
        return label

    def add_table(self, table: TableEditor) -> TableEditor:
        self.tables.append(table)
        return table

    # -------------------------------------------------------------- for the main window

    @classmethod
    def owns(cls, path: str) -> bool:
        """The page edits the field (known before the page is built: the window builds pages on first use)."""
        return any(fieldpath.is_within(path, prefix) for prefix in cls.prefixes)

    def set_issues(self, issues: list[tuple[str, str, str]]) -> None:
        self.binder.set_issues(issues)
        for binder in self.detail_binders:
            binder.set_issues(issues)
        for table in self.tables:
            table.set_issues(issues)

    def focus_path(self, path: str) -> bool:
        """Put the cursor in the field the path names (or the nearest one); False if not on this page."""
        for table in self.tables:
            if table.focus(path):
                return True
        for binder in [*self.detail_binders, self.binder]:
            if binder.focus(path):
                return True
        return False

    def label_for(self, path: str) -> str | None:
        """The label the clerk sees for the field a path names: the form's label, or the table's column."""
        for table in self.tables:
            found = table.model.locate(path, exact=True) if path != table.model.list_path else None
            if found is not None:
                return table.model.columns[found[1]].header
            if path == table.model.list_path and path:
                return _group_title(table) or table.model.columns[0].header
        for binder in [self.binder, *self.detail_binders]:
            binding = binder.binding_within(path)
            if binding is None and binder.base is None or binder is not self.binder:
                binding = _binding_by_template(binder, path) or binding
            if binding is not None:
                return form_label(binding.container) or _group_title(binding.container)
        # A field of an item shown in a table above (a project's 资金, a task's 说明): the item's column.
        for table in self.tables:
            found = table.model.locate(path)
            if found is not None:
                return table.model.columns[found[1]].header
        return None

    def flash(self, widget: QWidget) -> None:
        """Scroll the widget into view and light it up for a moment, so the eye finds where the cursor went."""
        parent = widget.parentWidget()
        while parent is not None and not isinstance(parent, QScrollArea):
            parent = parent.parentWidget()
        if parent is not None:
            parent.ensureWidgetVisible(widget, 40, 60)
        previous = widget.styleSheet()
        widget.setProperty("flashing", True)
        widget.setStyleSheet(previous + "; background: #fff3b0;" if previous else "background: #fff3b0;")

        def restore():
            try:
                widget.setStyleSheet(previous)
                widget.setProperty("flashing", False)
            except RuntimeError:  # the page was rebuilt meanwhile
                pass

        QTimer.singleShot(1500, restore)

    def page_shown(self) -> None:
        """Called when the clerk opens the page (refresh what is costly to keep live)."""


def clean_label(text: str) -> str:
    """A label as read: without its Alt+letter mark and closing colon ("主要职能(&U)：" → "主要职能")."""
    return re.sub(r"\(&\w\)|&", "", text).strip().rstrip("：:").strip()


def form_label(field: QWidget) -> str | None:
    """The text of the form label beside a field, if it sits in a QFormLayout; in a grid of fields with
    column titles and row labels (a project's 资金), “全年预算数（当年财政拨款）”."""
    parent = field.parentWidget()
    layout = parent.layout() if parent is not None else None
    if isinstance(layout, QFormLayout):
        label = layout.labelForField(field)
        if isinstance(label, QLabel) and label.text():
            return clean_label(label.text())
    if isinstance(layout, QGridLayout):
        index = layout.indexOf(field)
        if index >= 0:
            row, column, _rows, _columns = layout.getItemPosition(index)
            title, side = layout.itemAtPosition(0, column), layout.itemAtPosition(row, 0)
            title = title.widget() if title is not None else None
            side = side.widget() if side is not None else None
            if isinstance(title, QLabel) and isinstance(side, QLabel) and row > 0 and column > 0:
                return f"{clean_label(title.text())}（{_plain(clean_label(side.text()))}）"
    return None


def _plain(text: str) -> str:
    """A row label without its aside: “资金总额（如与合计不同）” → “资金总额”."""
    return re.sub(r"（.*?）", "", text)


def _group_title(widget: QWidget) -> str | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QGroupBox):
        parent = parent.parentWidget()
    return clean_label(parent.title()) if parent is not None else None


def _binding_by_template(binder, path: str):
    """A detail form's field for a path of any item (report.projects[3].executed.other), whichever is shown."""
    items = [m.end() for m in re.finditer(r"\]", path)]
    best = None
    for binding in binder.bindings:
        if "@" not in binding.template:
            continue
        for end in items:
            own = binding.template.replace("@", path[:end])
            if fieldpath.is_within(path, own) and (best is None or len(own) > best[0]):
                best = (len(own), binding)
    return best[1] if best else None
