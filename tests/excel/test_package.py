"""The package's front door: one `apply` for either preview, names loaded on first use."""

from decimal import Decimal

import desktop.excel as excel

from .helpers import LEDGER_HEADER, small_report, workbook


def test_apply_dispatches_on_the_preview(tmp_path):
    report = small_report()
    ledger = workbook(tmp_path / "l.xlsx", [LEDGER_HEADER, ["2024-03-08", "培训", "技能培训"]])
    assert len(excel.apply(excel.preview_ledger(ledger, report), report).activities) == 2
    budget = workbook(tmp_path / "b.xlsx", [["项目", "金额（元）"], ["项目支出", 100]], title="收入支出")
    assert excel.apply(excel.preview_budget(budget, report), report).finance.expenditure.project == Decimal("100.00")


def test_public_names_resolve():
    for name in excel.__all__:
        assert getattr(excel, name) is not None
