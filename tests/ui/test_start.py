"""Start-up: the window shows the report with only the page on screen built; the others are built when
first opened, show the open report, and building one disturbs nothing already shown."""

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from desktop.ui.pages.base import Page

from .conftest import shown_window

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "data" / "seed_000_jinkouhe_2024.fulian.json"


def open_window(qtbot, workspace):
    workspace.import_file(SEED)
    return shown_window(qtbot, workspace)


def click_page(qtbot, window, title):
    nav = window.navigation
    row = next(r for r in range(nav.count()) if nav.item(r).text() == title)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    return window.pages.currentWidget()


def built_pages(window):
    return [window.pages.widget(i) for i in range(window.pages.count()) if isinstance(window.pages.widget(i), Page)]


def test_only_the_page_on_screen_is_built_at_start(qtbot, workspace):
    window = open_window(qtbot, workspace)
    assert window.report is not None and "金口河" in window.report.unit.name
    assert built_pages(window) == [window.pages.currentWidget()]
    assert window.pages.currentWidget().title == "概览"


def test_a_page_opened_later_shows_the_open_report(qtbot, workspace):
    window = open_window(qtbot, workspace)
    page = click_page(qtbot, window, "单位概况")
    assert isinstance(page, Page) and page.title == "单位概况"
    binding = page.binder.binding_for("report.profile.full_name")
    assert binding.widget.text() == window.report.profile.full_name != ""
    assert len(built_pages(window)) == 2


def test_building_a_page_later_does_not_move_another_page(qtbot, workspace):
    window = open_window(qtbot, workspace)
    projects = click_page(qtbot, window, "项目")
    assert len(window.report.projects) >= 2 and projects.current == 0
    view = projects.list.view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(view.model().index(1, 0)).center())
    assert projects.current == 1
    click_page(qtbot, window, "活动台账")  # built now, with the report already open
    assert click_page(qtbot, window, "项目") is projects
    assert projects.current == 1


def test_the_program_shows_a_report_without_importing_sqlalchemy(tmp_path):
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database

    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        Workspace(db).import_file(SEED)
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from desktop.app import main_window_for_benchmark\n"
        f"app, window = main_window_for_benchmark({str(path)!r})\n"
        "print(window.report.unit.name, window.pages.currentWidget().title, 'sqlalchemy' in sys.modules)\n"
    )
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert result.stdout.split() == ["乐山市金口河区妇女联合会", "概览", "False"]


def test_the_start_probe_reports_what_the_first_page_shows(tmp_path):
    """bench/bench_startup.py times `python -m desktop` to this point: the window painted with the data."""
    from desktop.services.workspace import Workspace
    from desktop.storage import open_database

    path = tmp_path / "fulian.db"
    with open_database(path) as db:
        Workspace(db).import_file(SEED)
    probe = tmp_path / "shown.txt"
    env = {**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path),
           "FULIAN_START_PROBE": str(probe), "PYTHONPATH": str(ROOT)}
    subprocess.run([sys.executable, "-m", "desktop", "--db", str(path)], check=True, env=env, timeout=120)
    lines = probe.read_text(encoding="utf-8").splitlines()
    assert "乐山市金口河区妇女联合会" in lines and "219.7万元" in lines and "定稿" in lines
