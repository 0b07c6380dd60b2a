"""The self-test a fresh installation runs (`fulian --self-test`): every layer once, on a throwaway database.

It proves that a bundle carries what it needs — migrations, resources, fonts, the three writers — on a
machine without a screen, and exits non-zero on the first failure.

Given a server (`--self-test --db postgresql://…`), it runs on that database instead, proving the bundle
carries the server driver (psycopg and its libpq): the database must hold no report (the self-test never
touches real data), and what the self-test wrote there is deleted at the end.
"""

from __future__ import annotations

import tempfile
import time
import traceback
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .. import __version__


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    detail: str
    seconds: float


def _check_docx(path: Path) -> str:
    from docx import Document

    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    if "部门整体" not in text:
        raise AssertionError("Word 文件中没有报告标题")
    return f"{path.stat().st_size // 1024} KB，{len(text)} 字"


def _check_pdf(path: Path) -> str:
    data = path.read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-1024:]:
        raise AssertionError("PDF 文件不完整")
    if b"/FontFile2" not in data:
        raise AssertionError("PDF 没有嵌入 TrueType 字体")
    import pypdfium2  # the preview's renderer: opening the file proves it is a readable PDF

    document = pypdfium2.PdfDocument(str(path))
    try:
        pages = len(document)
    finally:
        document.close()
    return f"{len(data) // 1024} KB，{pages} 页"


def _check_xlsx(path: Path) -> str:
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as archive:
        if archive.testzip() is not None:
            raise AssertionError("Excel 文件损坏")
    sheets = load_workbook(path, read_only=True).sheetnames
    # The demo's 自评表 forms have no rows and are left out; its 收支情况表 is always there.
    if "收支情况" not in sheets:
        raise AssertionError(f"Excel 缺少收支情况表，只有：{sheets}")
    return f"{len(sheets)} 个工作表"


def run_self_test(work_dir: Path | None = None, log: Callable[[str], None] = print, db: str | None = None) -> bool:
    """Run every step, logging one line each; True when all passed. `db`: a server database to run on."""
    from ..excel.safety import require_defusedxml
    from ..reports.export import export_report
    from ..storage import open_database
    from ..validation import summarize, validate
    from .workspace import Workspace, demo_files

    own_dir = None
    if work_dir is None:
        own_dir = tempfile.TemporaryDirectory(prefix="fulian-selftest-")
        work_dir = Path(own_dir.name)
    state: dict = {}
    results: list[StepResult] = []

    def step(name: str, action: Callable[[], str]) -> bool:
        started = time.perf_counter()
        try:
            detail = action()
            ok = True
        except Exception as exc:  # the self-test reports every failure, whatever its kind
            detail = f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"
            ok = False
        results.append(StepResult(name, ok, detail, time.perf_counter() - started))
        log(f"[{'通过' if ok else '失败'}] {name}：{detail.splitlines()[0] if detail else ''}")
        if not ok:
            log(detail)
        return ok

    def open_db() -> str:
        if db is None:
            state["db"] = open_database(work_dir / "selftest.db")
            state["workspace"] = Workspace(state["db"])
            return f"已新建并迁移 {work_dir / 'selftest.db'}"
        import psycopg

        database = open_database(db, backup_root=work_dir / "备份")
        state["db"] = database
        if database.reports().list_all():
            raise AssertionError(f"共用数据库“{database.path.name}”中已有报告：自检只在空的数据库上运行，以免改动真实数据")
        state["workspace"] = Workspace(database)
        state["shared"] = True
        return f"已连接并迁移 {database.path.name}（psycopg {psycopg.__version__}，libpq {psycopg.pq.version()}）"

    def remove_what_was_written() -> str:
        report = state["report"]
        state["db"].reports().delete(report.unit.id, report.fiscal_year)
        state["db"].units().delete(report.unit.id)
        return f"已从共用数据库删除自检写入的“{report.unit.name}”"

    def import_seed() -> str:
        files = demo_files()
        if not files:
            raise AssertionError("安装包中没有示例数据文件（resources/demo）")
        state["report"] = state["workspace"].import_file(files[0])
        report = state["workspace"].open_report(state["report"].unit.name, state["report"].fiscal_year)
        state["report"] = report
        return f"{report.unit.name} {report.fiscal_year} 年度，活动 {len(report.activities)} 条"

    def run_validation() -> str:
        summary = summarize(validate(state["report"]))
        if summary.errors:
            raise AssertionError(f"示例报告不应有校验错误，却有 {summary.errors} 个")
        return summary.text

    def export_all() -> str:
        result = export_report(state["report"], work_dir / "out", ["docx", "pdf", "xlsx"])
        state["paths"] = {p.suffix: p for p in result.paths}
        return "、".join(p.name for p in result.paths)

    log(f"fulian-desk {__version__} 自检")
    try:
        all_ok = (
            step("安全的 XML 解析（defusedxml）", lambda: (require_defusedxml(), "已启用")[1])
            and step("新建数据库并迁移", open_db)
            and step("导入示例数据文件", import_seed)
            and step("校验", run_validation)
            and step("导出 Word、PDF、Excel", export_all)
            and step("检查 Word 文件", lambda: _check_docx(state["paths"][".docx"]))
            and step("检查 PDF 文件", lambda: _check_pdf(state["paths"][".pdf"]))
            and step("检查 Excel 文件", lambda: _check_xlsx(state["paths"][".xlsx"]))
        )
        if "shared" in state and "report" in state:
            all_ok = step("删除自检写入的数据", remove_what_was_written) and all_ok
    finally:
        if "db" in state:
            state["db"].close()
        if own_dir is not None:
            own_dir.cleanup()
    total = sum(r.seconds for r in results)
    log(f"自检{'通过' if all_ok else '失败'}（{len(results)} 步，{total:.1f} 秒）")
    return bool(all_ok)
