"""Atomic writes: the old file stays whole on failure, and the clerk reads why in Chinese."""

import pytest

from desktop.fileio import FileWriteError, atomic_write, atomic_write_bytes


def test_atomic_write_replaces_the_file(tmp_path):
    target = tmp_path / "报告.docx"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.docx"]


def test_a_failing_writer_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    def crash(tmp):
        tmp.write_bytes(b"half")
        raise RuntimeError("writer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, crash)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_disk_full_is_explained(tmp_path):
    target = tmp_path / "报告.pdf"
    target.write_bytes(b"old")

    def fill_disk(tmp):
        # /dev/full answers every write with ENOSPC, the real error of a full disk.
        with open("/dev/full", "wb") as full:
            full.write(b"x" * 10)
            full.flush()

    with pytest.raises(FileWriteError) as caught:
        atomic_write(target, fill_disk)
    assert "磁盘空间不足" in caught.value.message
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["报告.pdf"]


def test_missing_folder_is_explained(tmp_path):
    with pytest.raises(FileWriteError) as caught:
        atomic_write_bytes(tmp_path / "没有这个文件夹" / "报告.pdf", b"x")
    assert "不存在" in caught.value.message


def test_target_that_cannot_be_replaced_is_explained(tmp_path):
    # A folder where the document should go: the rename fails as it does for a file Word holds open.
    blocked = tmp_path / "报告.docx"
    (blocked / "inner").mkdir(parents=True)
    with pytest.raises(FileWriteError) as caught:
        atomic_write_bytes(blocked, b"x")
    assert "报告.docx" in caught.value.message
    assert (blocked / "inner").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报告.docx"]


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path):
    import os
    import stat

    umask = os.umask(0)
    os.umask(umask)
    fresh = atomic_write_bytes(tmp_path / "新.pdf", b"x")
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~umask
    kept = tmp_path / "旧.pdf"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic_write_bytes(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def test_stale_temporary_files_of_a_killed_write_are_removed_by_the_next_write(tmp_path):
    import os
    import time

    from desktop.fileio import STALE_SECONDS, atomic_write_bytes

    target = tmp_path / "报告.fulian.json"
    stale = tmp_path / ".报告.fulian.abc123.json.tmp"  # as mkstemp names them beside the target
    stale.write_bytes(b"half")
    old = time.time() - STALE_SECONDS - 5
    os.utime(stale, (old, old))
    young = tmp_path / ".报告.fulian.def456.json.tmp"  # perhaps another program writing right now
    young.write_bytes(b"busy")
    unrelated = tmp_path / ".其他.xyz.docx.tmp"
    unrelated.write_bytes(b"x")
    os.utime(unrelated, (old, old))
    atomic_write_bytes(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert not stale.exists() and young.exists() and unrelated.exists()


def test_a_folder_in_place_of_the_file_is_refused_in_chinese(tmp_path):
    from desktop.fileio import FileWriteError, atomic_write_bytes

    folder = tmp_path / "导出.fulian.json"
    folder.mkdir()
    with pytest.raises(FileWriteError) as caught:
        atomic_write_bytes(folder, b"{}")
    assert "是一个文件夹" in caught.value.message and "Is a directory" not in caught.value.message


def test_a_given_file_is_checked_once_with_each_readers_words(tmp_path):
    """The Excel import and the old-report import share one check; each says what to do in its own words."""
    from desktop.errors import UserError
    from desktop.excel.safety import UnsafeFileError, check_file
    from desktop.fileio import MAX_GIVEN_FILE_BYTES, first_bytes
    from desktop.report_import import ReportImportError, read_source

    class Refused(UserError):
        pass

    given = tmp_path / "表.bin"
    given.write_bytes(b"PK\x03\x04rest")
    assert first_bytes(given, Refused, opened_in="X", when_empty="", when_too_large="") == b"PK\x03\x04rest"

    cases = []
    for suffix, read, refused, words in ((".xlsx", check_file, UnsafeFileError, ("Excel 或 WPS", "里面没有表格", "分成几个文件")),
                                         (".docx", read_source, ReportImportError, ("Word 或 WPS", "请选择正确的文件", "大图片"))):
        empty = tmp_path / f"空{suffix}"
        empty.write_bytes(b"")
        large = tmp_path / f"大{suffix}"
        with open(large, "wb") as handle:
            handle.truncate(MAX_GIVEN_FILE_BYTES + 1)
        locked = tmp_path / f"锁{suffix}"
        locked.mkdir()  # reading a folder fails as a file held by another program may
        for path, said in ((tmp_path / f"无{suffix}", "找不到文件"), (empty, words[1]), (large, words[2]), (locked, words[0])):
            with pytest.raises(refused) as caught:
                read(path)
            cases.append(said in caught.value.message)
    assert all(cases) and len(cases) == 8
