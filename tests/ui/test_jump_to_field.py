"""From 校验 to the very field: page opened, field scrolled into view, focused and lit up, named as labelled."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QGroupBox, QLabel

from desktop.ui.pages.base import clean_label

from .test_report_entry import create_unit, field


def press_enter_on(qtbot, window, code, field_path=None):
    checks = window.checks_page
    window.show_page(window.page_index(checks))
    window.run_checks()
    row = next(i for i, f in enumerate(checks.model.issues)
               if f.code == code and (field_path is None or f.field == field_path))
    checks.view.setFocus()
    checks.view.setCurrentIndex(checks.model.index(row, 0))
    qtbot.keyClick(checks.view, Qt.Key.Key_Return)
    return checks.model.issues[row]


def shown_in_its_scroll_area(widget) -> bool:
    area = widget.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    assert area is not None
    viewport = area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    bottom = top_left.y() + widget.height()
    return top_left.y() >= 0 and bottom <= viewport.height()


def test_a_jump_from_the_checks_reaches_the_establishment_field(qtbot, window):
    window.resize(1000, 560)  # a small screen: the field is below the fold
    create_unit(qtbot, window)
    finding = press_enter_on(qtbot, window, "STF-003", "report.profile.establishment")
    page = window.profile_page
    assert window.pages.currentWidget() is page
    target = field(page, "report.profile.establishment.administrative")
    assert QApplication.focusWidget() is target
    assert shown_in_its_scroll_area(target)
    assert "#fff3b0" in target.styleSheet()  # lit up for a moment
    qtbot.waitUntil(lambda: "#fff3b0" not in target.styleSheet(), timeout=3000)
    # Not entered: empty, not “0”, and the list says where to type it as the page labels it.
    assert target.text() == "" and target.placeholderText() == "未填写"
    assert window.checks_page.model.places[window.checks_page.model.issues.index(finding)] == "单位概况 › 行政编制"


def test_a_jump_to_a_ledger_cell_selects_that_cell(qtbot, window, seed_paths):
    window.import_path(seed_paths[0])
    report = window.report
    report.activities[5].title = ""
    window.workspace.save(report)
    window.refresh()
    window.run_checks()
    finding = next(f for f in window.issues if f.field.startswith("report.activities[5]"))
    press_enter_on(qtbot, window, finding.code, finding.field)
    table = window.ledger_page.table
    assert window.pages.currentWidget() is window.ledger_page
    assert QApplication.focusWidget() is table.view
    assert table.current_row() == 5


def page_texts(page) -> set[str]:
    texts = {clean_label(label.text()) for label in page.findChildren(QLabel)}
    texts |= {clean_label(box.title()) for box in page.findChildren(QGroupBox)}
    for table in page.tables:
        texts |= {column.header for column in table.model.columns}
    return texts


def test_every_finding_names_a_label_the_page_shows(qtbot, window, seed_paths):
    seen = 0
    create_unit(qtbot, window)
    reports = [window.report]
    for path in seed_paths:
        reports.append(window.import_path(path))
    for report in reports:
        window.open_report(report)
        window.run_checks()
        for finding in window.issues:
            if not any(p.owns(finding.field) for p in window.page_list):
                continue
            place = window.field_place(finding.field)
            page = next((p for p in window.page_list if place.startswith(p.title + " › ")), None)
            assert page is not None and page.owns(finding.field), (finding.code, finding.field, place)
            label = place.split(" › ", 1)[1]
            assert label in page_texts(page), (finding.code, finding.field, label)
            seen += 1
    assert seen >= 10


def test_a_click_on_the_status_bar_count_goes_to_the_first_problem(qtbot, window):
    window.resize(1000, 560)
    create_unit(qtbot, window)
    window.show_page(window.page_index(window.overview))
    window.run_checks()
    label = window.check_label
    assert label.text().startswith("校验：") and window.checks_page.model.issues
    first = window.checks_page.model.issues[0]  # the first row of the 校验 list
    qtbot.mouseClick(label, Qt.MouseButton.LeftButton)
    page = window.pages.currentWidget()
    assert page is not window.overview and page.owns(first.field)
    focus = QApplication.focusWidget()
    assert focus is not None and page.isAncestorOf(focus)
    if not isinstance(focus, QAbstractScrollArea):
        assert shown_in_its_scroll_area(focus)
    # The 校验 list has that problem selected, as if it had been chosen there.
    assert window.checks_page.view.currentIndex().row() == 0
