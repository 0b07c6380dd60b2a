"""Which files are taken in, and the refusal (with what to do) for every other kind."""

from __future__ import annotations

from pathlib import Path

from ..fileio import OLE_MAGIC, PDF_MAGIC, ZIP_MAGIC, first_bytes
from .errors import ReportImportError
from .source import SourceDocument

SAVE_AS_DOCX = "请用 Word 或 WPS 打开它，选择“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入另存后的文件。"
_CONVERT = {
    ".doc": "旧版 Word 97-2003 文档（.doc）",
    ".wps": "WPS 文字专用格式（.wps）",
    ".wpt": "WPS 文字模板（.wpt）",
    ".dot": "Word 模板（.dot）",
    ".dotx": "Word 模板（.dotx）",
    ".docm": "启用宏的 Word 文档（.docm）",
    ".odt": "OpenDocument 文本（.odt）",
    ".rtf": "RTF 文档（.rtf）",
}


def read_source(path: Path) -> SourceDocument:
    """The file's paragraphs and tables; a ReportImportError in Chinese for anything else."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in _CONVERT:
        raise ReportImportError(f"“{path.name}”是{_CONVERT[suffix]}，本程序只能读取 .docx 和带文字的 .pdf。{SAVE_AS_DOCX}")
    if suffix not in (".docx", ".pdf"):
        raise ReportImportError(
            f"“{path.name}”不是 Word 文档（.docx）或 PDF 文件。请选择往年自评报告的 .docx 或 .pdf 文件。"
        )
    head = first_bytes(
        path, ReportImportError, opened_in="Word 或 WPS",
        when_empty="。请选择正确的文件。", when_too_large="请删除文档中的大图片后另存一份再导入。",
    )
    if suffix == ".docx":
        from .docx_source import read_docx

        if head.startswith(OLE_MAGIC):
            raise ReportImportError(
                f"“{path.name}”设置了打开密码，或实际上是旧版 .doc 文件只是扩展名为 .docx。"
                f"如果设置了密码，请在 Word 或 WPS 中取消密码后另存；否则{SAVE_AS_DOCX}"
            )
        if head.startswith(PDF_MAGIC):
            raise ReportImportError(f"“{path.name}”实际上是 PDF 文件，只是扩展名为 .docx。请把扩展名改为 .pdf 后再导入。")
        if not head.startswith(ZIP_MAGIC):
            raise ReportImportError(f"“{path.name}”不是有效的 Word 文档，可能已损坏或是其他格式改了扩展名。{SAVE_AS_DOCX}")
        return read_docx(path)
    from .pdf_source import read_pdf

    if not head.startswith(PDF_MAGIC):
        raise ReportImportError(f"“{path.name}”不是有效的 PDF 文件，可能已损坏或是其他格式改了扩展名。请改用原来的 Word 文件（.docx）。")
    return read_pdf(path)


def read_report(path: Path):
    """The preview of importing the file (nothing written)."""
    from .assemble import assemble

    return assemble(read_source(path))
