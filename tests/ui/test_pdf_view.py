"""The PDF preview: page by page, zoomed in and out, fitted to the width again — on a real exported report."""

from PySide6.QtCore import Qt

from desktop.exchange import read_file
from desktop.services import exporting
from desktop.ui.pdf_view import PdfView, renderer_available

import pytest

pytestmark = pytest.mark.skipif(not renderer_available(), reason="no PDF renderer installed")


def test_pages_are_paged_and_zoomed_with_the_buttons_of_the_export_page(qtbot, seed_paths):
    path = exporting.preview_pdf(read_file(seed_paths[0]))
    view = PdfView()
    qtbot.addWidget(view)
    view.resize(700, 600)
    view.show()
    qtbot.waitExposed(view)
    pages = view.show_pdf(path)
    assert pages > 2
    qtbot.waitUntil(view.laid_out)  # the pages are placed and measured, as the clerk sees them
    assert view.current_page() == 0
    view.next_page()
    qtbot.waitUntil(lambda: view.current_page() == 1)
    width = view.labels[1].pixmap().width() / view.labels[1].pixmap().devicePixelRatio()
    view.zoom_in()
    assert view.zoom == 1.25
    qtbot.waitUntil(lambda: view.current_page() == 1)  # still on the same page, bigger
    assert view.labels[1].pixmap().width() / view.labels[1].pixmap().devicePixelRatio() > width * 1.2
    view.zoom_out()
    view.zoom_out()
    assert view.zoom == 0.75
    view.fit_width()
    assert view.zoom == 1.0
    qtbot.waitUntil(lambda: view.current_page() == 1)
    view.previous_page()
    qtbot.waitUntil(lambda: view.current_page() == 0)


def test_the_export_page_words_its_two_buttons_plainly(window):
    page = window.export_page
    assert page.export_button.text() == "导出正式稿(&X)" and page.draft_button.text() == "导出草稿(&D)"
    assert not [b for b in page.findChildren(type(page.export_button)) if "定稿导出" in b.text()]
    for button in (page.zoom_in_button, page.zoom_out_button, page.fit_button, page.previous_button, page.next_button):
        assert button.isEnabled()
