"""The envelope's checksum: written on export, verified on reading, absent in older files."""

from __future__ import annotations

import hashlib
import json

import pytest

from desktop.exchange import (
    ChecksumMismatchError,
    ExchangeError,
    Integrity,
    dumps,
    loads,
    read_envelope,
    write_file,
)

from .seed_text import DATA, SOURCES

SEED = DATA / sorted(SOURCES)[0]


def test_an_exported_file_carries_the_documented_checksum_and_reads_as_verified(tmp_path):
    report = loads(SEED.read_text(encoding="utf-8"))
    path = write_file(report, tmp_path / "报送.fulian.json")
    document = json.loads(path.read_text(encoding="utf-8"))
    # The recipe of docs/data-format.md §2.1, computed here independently of the program.
    canonical = json.dumps(document["report"], ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert document["checksum"] == "sha256:" + hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    envelope = read_envelope(path)
    assert envelope.integrity is Integrity.VERIFIED
    assert envelope.report == report
    assert envelope.exported_at is not None and envelope.generator.startswith("fulian-desk")


def test_a_file_written_before_checksums_is_accepted_as_unverified():
    text = SEED.read_text(encoding="utf-8")
    assert '"checksum"' not in text  # the seed was exported before checksums existed
    envelope = read_envelope(SEED)
    assert envelope.integrity is Integrity.UNVERIFIED
    assert envelope.report == loads(text)


def _every_digit_position(text: str) -> list[int]:
    start = text.index('"report"')
    return [i for i, ch in enumerate(text) if i > start and ch.isdigit()]


def test_a_one_byte_edit_of_a_figure_is_caught(tmp_path):
    text = dumps(loads(SEED.read_text(encoding="utf-8")))
    positions = _every_digit_position(text)
    # A sample of positions across the whole report: every one-digit change must be refused.
    for position in positions[:: max(1, len(positions) // 60)]:
        digit = text[position]
        edited = text[:position] + ("1" if digit != "1" else "2") + text[position + 1 :]
        path = tmp_path / "改过.fulian.json"
        path.write_text(edited, encoding="utf-8")
        try:
            read_envelope(path)
        except ChecksumMismatchError as exc:
            assert "改动" in exc.message and exc.field == "checksum"
        except ExchangeError:
            pass  # the edit made the file invalid (e.g. 2024-02-30): refused all the same
        else:
            pytest.fail(f"an edit at byte {position} was not caught")


def test_a_one_character_edit_of_a_text_is_caught():
    text = dumps(loads(SEED.read_text(encoding="utf-8")))
    edited = text.replace("妇联", "妇女", 1)
    assert edited != text
    with pytest.raises(ChecksumMismatchError):
        loads(edited)


def test_reindenting_the_file_keeps_it_verified():
    text = dumps(loads(SEED.read_text(encoding="utf-8")))
    compact = json.dumps(json.loads(text), ensure_ascii=False)
    assert loads(compact) == loads(text)


def test_removing_the_checksum_line_makes_a_hand_edit_acceptable_as_unverified(tmp_path):
    document = json.loads(dumps(loads(SEED.read_text(encoding="utf-8"))))
    document["report"]["title"] = "手工改过的标题"
    del document["checksum"]
    path = tmp_path / "手改.fulian.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    envelope = read_envelope(path)
    assert envelope.integrity is Integrity.UNVERIFIED and envelope.report.title == "手工改过的标题"


@pytest.mark.parametrize("bad", ["md5:abc", 42, "sha256:" + "G" * 64])
def test_a_malformed_checksum_is_refused(bad):
    document = json.loads(dumps(loads(SEED.read_text(encoding="utf-8"))))
    document["checksum"] = bad
    with pytest.raises(ChecksumMismatchError):
        loads(json.dumps(document, ensure_ascii=False))
