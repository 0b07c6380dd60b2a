"""报送 files: named 单位_年度_日期, carrying a checksum, read back whole at the district."""

from datetime import date

from desktop.exchange import Integrity, read_envelope
from desktop.services.submission import submission_file_name


def test_the_name_says_who_which_year_and_when():
    assert submission_file_name("永和镇妇联", 2024, date(2025, 3, 31)) == "永和镇妇联_2024_20250331.fulian.json"
    # A name Windows could not save is made safe, never refused.
    assert submission_file_name('甲/乙:街道"妇联"', 2024, date(2025, 1, 2)) == "甲-乙-街道-妇联_2024_20250102.fulian.json"


def test_the_round_trip_township_file_district(workspace, seed_paths, tmp_path):
    township = workspace.import_file(seed_paths[0])
    path = workspace.write_submission(township.unit.name, township.fiscal_year, tmp_path)
    assert path.name.startswith(f"{township.unit.name}_{township.fiscal_year}_{date.today():%Y%m%d}")
    envelope = read_envelope(path)
    assert envelope.integrity is Integrity.VERIFIED
    stored = workspace.open_report(township.unit.name, township.fiscal_year)
    envelope.report.id = stored.id
    envelope.report.unit.id = stored.unit.id
    assert envelope.report == stored
