"""A number nobody has entered shows empty (or 未填写), never as 0: on every page, in fields, cells and figures."""

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableWidget

from desktop.ui.table_model import Kind

from .conftest import type_text
from .test_report_entry import create_unit

# A zero amount, count of people, score or share: “0”, “0.00元”, “0 名”, “0 分”, “0%”.
ZERO_FIGURE = re.compile(r"(?<![\d.,])0(\.0+)?\s*(元|万元|名|人|分|%|$)")
NUMERIC = (Kind.INT, Kind.MONEY, Kind.DECIMAL)


def add_a_row_everywhere(qtbot, window):
    """One row in every grid, with only its first text typed: every number in it is unknown."""
    for page in window.page_list:
        window.show_page(window.page_index(page))
        for table in page.tables:
            button = getattr(table, "add_button", None)
            if not table.model.list_path or button is None or not button.isEnabled():
                continue
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit):
                type_text(editor, "甲")
                qtbot.keyClick(editor, Qt.Key.Key_Tab)


def test_no_page_shows_zero_for_a_number_not_entered(qtbot, window):
    create_unit(qtbot, window)
    add_a_row_everywhere(qtbot, window)
    window.run_checks()
    seen = {"fields": 0, "cells": 0}
    zeros = []
    for page in window.page_list:
        window.show_page(window.page_index(page))
        QApplication.processEvents()
        for edit in page.findChildren(QLineEdit):
            if edit.isVisible() and (edit.validator() is not None or edit.alignment() & Qt.AlignmentFlag.AlignRight):
                seen["fields"] += 1
                if ZERO_FIGURE.search(edit.text()):
                    zeros.append((page.title, "field", edit.text()))
        for label in page.findChildren(QLabel):
            if label.isVisible() and ZERO_FIGURE.search(label.text()):
                zeros.append((page.title, "figure", label.text()))
        for sums in page.findChildren(QTableWidget):  # figures beside a grid (the ledger's totals by task)
            for row in range(sums.rowCount()):
                for column in range(1, sums.columnCount()):
                    item = sums.item(row, column)
                    seen["cells"] += 1
                    if item is not None and column > 1 and ZERO_FIGURE.search(item.text()):
                        zeros.append((page.title, sums.horizontalHeaderItem(column).text(), item.text()))
        for table in page.tables:
            model = table.model
            for row in range(model.rowCount()):
                for column, spec in enumerate(model.columns):
                    if spec.kind in NUMERIC or spec.compute is not None:
                        seen["cells"] += 1
                        text = model.index(row, column).data() or ""
                        if ZERO_FIGURE.search(str(text)):
                            zeros.append((page.title, spec.header, text))
    assert seen["fields"] >= 20 and seen["cells"] >= 10, seen
    assert zeros == []
    form = window.overview.form
    shown = {form.itemAt(i, form.ItemRole.LabelRole).widget().text().rstrip("："):
             form.itemAt(i, form.ItemRole.FieldRole).widget().text() for i in range(form.rowCount())}
    assert shown["编制 / 在职"] == "未填写 / 未填写"
    assert shown["自评得分"].endswith("暂不评定")  # an indicator without 分值: no score, no grade
