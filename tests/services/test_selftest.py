"""The installation self-test: every layer once on a throwaway database, failing loudly."""

from desktop.cli import EXIT_OK, main
from desktop.services.selftest import run_self_test


def test_self_test_passes_and_reports_each_step(tmp_path):
    lines = []
    assert run_self_test(tmp_path, log=lines.append)
    assert lines[-1].startswith("自检通过（8 步")
    assert sum(line.startswith("[通过]") for line in lines) == 8
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf", ".xlsx"]


def test_self_test_fails_when_a_step_cannot_run(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    lines = []
    assert not run_self_test(blocker, log=lines.append)
    assert any(line.startswith("[失败] 新建数据库并迁移") for line in lines)
    assert lines[-1].startswith("自检失败")


def test_cli_flag(capsys):
    assert main(["--self-test"]) == EXIT_OK
    assert "自检通过" in capsys.readouterr().out
