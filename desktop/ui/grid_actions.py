"""编辑 menu entries for the grids: 复制 / 粘贴 / 清除内容 / 插入行 / 删除行, acting on the grid last in use.

Ctrl+C / Ctrl+V stay with a text field while one has the cursor (Qt gives a focused line edit its own
copy and paste first); on a grid they copy and paste blocks of cells.
"""

from __future__ import annotations

from typing import Optional

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from .table_editor import TableEditor


def table_of(widget: Optional[QWidget]) -> Optional[TableEditor]:
    while widget is not None:
        if isinstance(widget, TableEditor):
            return widget
        widget = widget.parentWidget()
    return None


class GridEditActions:
    def __init__(self, window, menu: QMenu):
        self.window = window
        self.last: Optional[TableEditor] = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.copy = QAction("复制(&C)", window, triggered=lambda: self._on_grid("copy"))
        self.copy.setShortcut(QKeySequence.StandardKey.Copy)
        self.paste = QAction("粘贴(&P)", window, triggered=lambda: self._on_grid("paste"))
        self.paste.setShortcut(QKeySequence.StandardKey.Paste)
        self.clear = QAction("清除内容", window, triggered=lambda: self._on_grid("clear_selected"))
        self.insert_row = QAction("插入行(&I)", window, triggered=lambda: self._on_grid("insert_row"))
        self.remove_rows = QAction("删除行(&D)", window, triggered=lambda: self._on_grid("remove_current"))
        menu.addSeparator()
        for action in (self.copy, self.paste, self.clear, None, self.insert_row, self.remove_rows):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)

    def _focus_changed(self, _old, new) -> None:
        table = table_of(new)
        if table is not None:
            self.last = table

    def target(self) -> Optional[TableEditor]:
        """The grid with the cursor, else the grid last used if it is still on screen."""
        table = table_of(QApplication.focusWidget())
        if table is None and self.last is not None:
            try:
                table = self.last if self.last.isVisible() else None
            except RuntimeError:  # its page was rebuilt
                table = None
        return table

    def _on_grid(self, name: str) -> None:
        focus = QApplication.focusWidget()
        table = self.target()
        if table is None:
            # Not on a grid: a text field's own copy / paste.
            if focus is not None and name in ("copy", "paste") and hasattr(focus, name):
                getattr(focus, name)()
            else:
                self.window.statusBar().showMessage("请先点选表格中的单元格", 5000)
            return
        getattr(table, name)()
