"""What every page has: its bound fields and tables, validation marks, and jumping to a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QScrollArea, QVBoxLayout, QWidget

from ...services import fieldpath
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

    def owns(self, path: str) -> bool:
        return any(fieldpath.is_within(path, prefix) for prefix in self.prefixes)

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
        for binder in self.detail_binders:
            if binder.focus(path):
                return True
        return self.binder.focus(path)

    def page_shown(self) -> None:
        """Called when the clerk opens the page (refresh what is costly to keep live)."""
