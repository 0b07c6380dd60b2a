"""The workspace services on a real SQLite file: create, import, copy a year, export."""

import json
from decimal import Decimal

import pytest

from desktop.domain.model import Activity, IncomeLine, Indicator, Outline, Unit, WorkTask
from desktop.exchange import ExchangeError, read_file, report_checksum
from desktop.services.workspace import WorkspaceError, demo_files


def test_create_unit_and_year(workspace):
    unit = workspace.create_unit(Unit(name="  某某镇妇联 "))
    assert unit.id is not None and unit.name == "某某镇妇联"
    report = workspace.create_report(unit, 2024, Outline.GUANGDONG)
    assert report.id is not None
    assert [(e.unit.name, e.fiscal_year, e.status) for e in workspace.entries()] == [("某某镇妇联", 2024, "draft")]
    assert workspace.open_report("某某镇妇联", 2024).outline is Outline.GUANGDONG
    with pytest.raises(WorkspaceError, match="已经存在"):
        workspace.create_unit(Unit(name="某某镇妇联"))
    with pytest.raises(WorkspaceError, match="已有 2024 年度"):
        workspace.create_report(unit, 2024)


def test_unknown_unit_and_year_are_named(workspace):
    workspace.create_report(workspace.create_unit(Unit(name="甲妇联")), 2023)
    with pytest.raises(WorkspaceError, match="找不到单位“乙妇联”.*甲妇联"):
        workspace.open_report("乙妇联", 2023)
    with pytest.raises(WorkspaceError, match="没有 2024 年度.*2023"):
        workspace.open_report("甲妇联", 2024)


def test_seed_files_import_and_export_losslessly(workspace, seed_paths, tmp_path):
    for path in seed_paths:
        original = read_file(path)
        imported = workspace.import_file(path)
        out = workspace.export_file(imported.unit.name, imported.fiscal_year, tmp_path / path.name)
        again = read_file(out)
        again.unit.id = original.unit.id = None
        assert again == original
        before = json.loads(path.read_text(encoding="utf-8"))
        after = json.loads(out.read_text(encoding="utf-8"))
        before.pop("exported_at"), after.pop("exported_at")
        # The seeds predate checksums; the export adds the checksum of the same report.
        assert after.pop("checksum") == report_checksum(before["report"])
        assert after == before


def test_reimport_needs_replace(workspace, seed_paths):
    first = workspace.import_file(seed_paths[0])
    with pytest.raises(WorkspaceError, match="覆盖导入"):
        workspace.import_file(seed_paths[0])
    replaced = workspace.import_file(seed_paths[0], replace=True)
    assert replaced.unit.id == first.unit.id
    assert len(workspace.entries()) == 1


@pytest.mark.parametrize(
    "mutate, field",
    [
        (lambda d: d.__setitem__("version", 2), "version"),
        (lambda d: d["report"]["finance"]["income_lines"][0].__setitem__("amount", 2197000), "report.finance.income_lines[0].amount"),
        (lambda d: d["report"]["activities"][0].__setitem__("date", "2024-02-30"), "report.activities[0].date"),
        (lambda d: d["report"].__setitem__("surprise", 1), "report.surprise"),
    ],
)
def test_bad_file_leaves_the_database_unchanged(workspace, seed_paths, tmp_path, mutate, field):
    workspace.import_file(seed_paths[1])
    before = [(e.unit.name, e.fiscal_year) for e in workspace.entries()]
    stored = workspace.open_report(*before[0])
    document = json.loads(seed_paths[0].read_text(encoding="utf-8"))
    mutate(document)
    bad = tmp_path / "bad.fulian.json"
    bad.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ExchangeError) as caught:
        workspace.import_file(bad)
    assert caught.value.field == field
    assert [(e.unit.name, e.fiscal_year) for e in workspace.entries()] == before
    assert workspace.open_report(*before[0]) == stored


def test_new_year_from_last_carries_definitions_not_money(workspace):
    unit = workspace.create_unit(Unit(name="丙妇联"))
    report = workspace.create_report(unit, 2023, Outline.GUANGDONG)
    report.profile.functions = "职能文字"
    report.profile.establishment.administrative = 4
    task = WorkTask("两癌筛查", narrative="去年的叙述")
    report.tasks.append(task)
    report.activities.append(Activity("筛查", participants=930, task_key=task.key))
    report.finance.income_lines.append(IncomeLine("一般公共预算财政拨款收入", Decimal("2197000.00")))
    report.self_evaluation.indicators.append(
        Indicator("履职满意率", target=Decimal("90"), unit="%", actual=Decimal("95"), weight=Decimal("10"), score=Decimal("10"))
    )
    workspace.save(report)
    new = workspace.new_year_from_last(unit, 2024)
    loaded = workspace.open_report("丙妇联", 2024)
    assert loaded == new
    assert loaded.outline is Outline.GUANGDONG
    assert loaded.profile.functions == "职能文字" and loaded.profile.establishment.administrative == 4
    assert [t.title for t in loaded.tasks] == ["两癌筛查"] and loaded.tasks[0].narrative == ""
    assert loaded.activities == [] and loaded.finance.income_lines == []
    (indicator,) = loaded.self_evaluation.indicators
    assert (indicator.name, indicator.target, indicator.weight) == ("履职满意率", Decimal("90"), Decimal("10"))
    assert indicator.actual is None and indicator.score is None
    with pytest.raises(WorkspaceError, match="已有 2024 年度"):
        workspace.new_year_from_last(unit, 2024)


def test_demo_loads_both_seed_units_once(workspace, seed_paths):
    assert [p.name for p in demo_files()] == sorted(p.name for p in seed_paths)
    for demo, seed in zip(demo_files(), sorted(seed_paths)):
        assert demo.read_bytes() == seed.read_bytes(), "resources/demo must ship the seed files unchanged"
    assert len(workspace.load_demo()) == 2
    assert workspace.load_demo() == []
    assert len(workspace.entries()) == 2
