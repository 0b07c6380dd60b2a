"""报送: the data file a township sends up to its district, named for who sent which year and when."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from ..domain.model import Report
from ..exchange.fileformat import FILE_SUFFIX, write_file

# Characters Windows refuses in a file name; a unit name such as "A/B街道" must still give a file.
_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def submission_file_name(unit_name: str, year: int, day: date) -> str:
    """单位_年度_日期.fulian.json, e.g. 永和镇妇联_2024_20250331.fulian.json."""
    unit = _UNSAFE.sub("-", unit_name).strip(" .-") or "单位"
    return f"{unit}_{year}_{day:%Y%m%d}{FILE_SUFFIX}"


def write_submission(report: Report, folder: Path, day: date | None = None) -> Path:
    """Write the year's data file (with its checksum) into `folder` under its 报送 name."""
    name = submission_file_name(report.unit.name, report.fiscal_year, day or date.today())
    return write_file(report, Path(folder) / name)
