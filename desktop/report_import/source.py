"""What a report file holds once read, whatever its format: paragraphs and tables in document order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass
class SourceParagraph:
    """One paragraph as the clerk typed it (number included), with the hints its format gives."""

    text: str
    where: str  # "第 12 段" / "第 3 页"
    bold: bool = False  # the whole paragraph is bold (a heading typed as bold body text)
    bold_prefix: str = ""  # a bold run-in title at its start ("1．持之以恒拓新路。")
    heading_level: Optional[int] = None  # from a Word heading style or outline level (1-based)
    centered: bool = False
    table: bool = False  # the cells of a table in a PDF, run together (their figures are not read)


@dataclass
class SourceTable:
    rows: list[list[str]]
    where: str


Block = Union[SourceParagraph, SourceTable]


@dataclass
class SourceDocument:
    name: str
    kind: str  # "docx" or "pdf"
    blocks: list[Block] = field(default_factory=list)
    pages: int = 0

    @property
    def paragraphs(self) -> list[SourceParagraph]:
        return [b for b in self.blocks if isinstance(b, SourceParagraph)]

    @property
    def tables(self) -> list[SourceTable]:
        return [b for b in self.blocks if isinstance(b, SourceTable)]
