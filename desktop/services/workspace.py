"""The clerk's workspace: the reports in one database and what can be done with them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..domain.model import Outline, Report, Unit
from ..errors import UserError
from ..paths import resources_dir
from ..storage import Database, DuplicateReportError


class WorkspaceError(UserError):
    """A request the workspace cannot carry out; `message` is for the clerk."""


@dataclass(frozen=True)
class ReportEntry:
    """One line of the unit/year picker."""

    unit: Unit
    fiscal_year: int
    status: str


class Workspace:
    def __init__(self, database: Database):
        self.database = database
        # Where a failed save keeps the clerk's copy (services/kept_edits.py); None: the user data folder.
        self.kept_folder: Path | None = None

    @property
    def location(self) -> str:
        """Where the database is (a file path or a server), as the clerk may need to quote it."""
        return str(self.database.path)

    @property
    def location_name(self) -> str:
        """The short name the status bar shows (the file name, or the server database's name)."""
        return self.database.path.name

    # -------------------------------------------------------------- looking up

    def units(self) -> list[Unit]:
        return self.database.read_units()

    def entries(self) -> list[ReportEntry]:
        return [ReportEntry(u, y, s) for u, y, s in self.database.reports().list_all()]

    def find_unit(self, name_or_id: str) -> Unit:
        units = self.database.units()
        unit = units.find(name_or_id)
        if unit is None and name_or_id.isdigit():
            unit = units.get(int(name_or_id))
        if unit is None:
            names = "、".join(u.name for u in units.list()) or "（数据库中还没有单位）"
            raise WorkspaceError(f"找不到单位“{name_or_id}”。数据库中的单位有：{names}")
        return unit

    def open_report(self, unit_name: str, year: int) -> Report:
        unit = self.find_unit(unit_name)
        report = self.database.reports().get(unit.id, year)
        if report is None:
            years = "、".join(str(y) for y in self.database.reports().list_years(unit.id)) or "无"
            raise WorkspaceError(f"单位“{unit.name}”没有 {year} 年度的报告。已有年度：{years}")
        return report

    def years(self, unit: Unit) -> list[int]:
        """The years the unit has a report for, oldest first."""
        return list(self.database.read_years(unit.id))

    def report_of(self, unit: Unit, year: int) -> Report | None:
        """The unit's report for the year, or None when there is none."""
        return self.database.read_report(unit.id, year)

    def prepare_in_background(self) -> None:
        """Load what writing needs (SQLAlchemy, the engine) on a thread of its own, now that the report
        has been read without it. A failure here is left for the first real query to report."""
        import threading

        def prepare() -> None:
            try:
                self.database.prepare()
            except Exception:  # noqa: BLE001 - the save or poll that needs the database says what is wrong
                pass

        threading.Thread(target=prepare, name="prepare-database").start()

    def last_change(self, report: Report):
        """The stored revision of the report and who saved it last and when (a ReportStamp), or None.

        One small query: a window asks it every few seconds to notice saves made on another PC.
        """
        if report.unit.id is None:
            return None
        return self.database.reports().last_change(report.unit.id, report.fiscal_year)

    @property
    def is_shared(self) -> bool:
        """True when the database is on a server that other PCs write to."""
        return self.database.is_shared

    def unit_named(self, name: str) -> Unit | None:
        """The unit with exactly this name, or None."""
        return self.database.units().find(name)

    def editing(self, report: Report, **options):
        """An edit session on the report: every change saved to this workspace's database."""
        from .editing import EditSession
        from .kept_edits import default_folder

        options.setdefault("keep_in", self.kept_folder or default_folder())
        return EditSession(self.database, report, **options)

    def _has_year(self, unit: Unit, year: int) -> bool:
        """Whether the unit has a report for the year (asked without loading the report)."""
        return year in self.database.reports().list_years(unit.id)

    # -------------------------------------------------------------- changing

    def create_unit(self, unit: Unit) -> Unit:
        name = unit.name.strip()
        if not name:
            raise WorkspaceError("请填写单位名称。")
        if self.database.units().find(name) is not None:
            raise WorkspaceError(f"单位“{name}”已经存在，请直接选择它。")
        unit.name = name
        return self.database.units().add(unit)

    def create_report(self, unit: Unit, year: int, outline: Outline = Outline.SICHUAN) -> Report:
        if self._has_year(unit, year):
            raise WorkspaceError(f"单位“{unit.name}”已有 {year} 年度的报告。")
        return self.database.reports().save(Report(unit=unit, fiscal_year=year, outline=outline))

    def new_year_from_last(self, unit: Unit, year: int) -> Report:
        """Start `year` from the latest earlier year: profile, outline, tasks, indicators; no money."""
        reports = self.database.reports()
        years = reports.list_years(unit.id)
        if year in years:
            raise WorkspaceError(f"单位“{unit.name}”已有 {year} 年度的报告。")
        earlier = [y for y in years if y < year]
        if not earlier:
            return self.create_report(unit, year)
        previous = reports.get(unit.id, max(earlier))
        from ..domain.carry_forward import new_year_from

        return reports.save(new_year_from(previous, year))

    def save(self, report: Report) -> Report:
        return self.database.reports().save(report)

    # -------------------------------------------------------------- exchange

    def import_file(self, path: Path, replace: bool = False) -> Report:
        """Take an exchange file into the database whole, or not at all.

        Whether the year already exists is decided inside the write transaction (storage refuses a
        second copy of a year unless `replace`): of two imports racing on one new database, exactly one
        stores the report and the other gets the same refusal as a plain re-import.
        """
        from ..exchange import read_file  # the codec is imported when a file is read, not at start

        report = read_file(path)  # raises ExchangeError before anything is written
        unit = self.database.units().find(report.unit.name)
        if unit is not None:
            report.unit.id = unit.id
        try:
            return self.database.reports().save(report, replace=replace)
        except DuplicateReportError as exc:
            raise WorkspaceError(
                f"数据库中已有“{exc.unit_name}” {exc.year} 年度的报告。"
                "如要用文件中的内容覆盖它，请选择“覆盖导入”（命令行加 --replace）。"
            ) from None

    def load_demo(self) -> list[Report]:
        """Import the two example units shipped in resources/demo (skipping years already present)."""
        imported = []
        for path in demo_files():
            from ..exchange import read_file

            report = read_file(path)
            unit = self.database.units().find(report.unit.name)
            if unit is not None and self._has_year(unit, report.fiscal_year):
                continue
            imported.append(self.import_file(path))
        return imported

    def export_file(self, unit_name: str, year: int, path: Path) -> Path:
        from ..exchange import write_file

        return write_file(self.open_report(unit_name, year), path)

    def write_submission(self, unit_name: str, year: int, folder: Path) -> Path:
        """报送: the year's data file in `folder`, named 单位_年度_日期.fulian.json."""
        from .submission import write_submission

        return write_submission(self.open_report(unit_name, year), folder)


def open_workspace(locator: Path | str) -> Workspace:
    """The workspace on the database at `locator` (a file, or a server URL), upgraded to the current schema.

    A server URL without a password takes the one kept in 数据库设置 (the credential store), if any.
    """
    from ..storage import open_database
    from ..storage.server import is_server_locator

    if is_server_locator(locator):
        from .database_choice import open_chosen

        return Workspace(open_chosen(str(locator))[0])
    return Workspace(open_database(locator))


def demo_files() -> list[Path]:
    """The example reports shipped with the program (the two seed reports)."""
    return sorted((resources_dir() / "demo").glob("*.fulian.json"))


__all__ = ["Workspace", "WorkspaceError", "ReportEntry"]

