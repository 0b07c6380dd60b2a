"""`fulian-desk --self-test`: the GUI executable checks itself without a screen and leaves a log."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_gui_self_test_runs_without_a_screen_and_writes_its_log(request, tmp_path, db_kind):
    """On a server (`--db postgresql://…`, an empty database) the data steps run there."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("DISPLAY", None)
    on_server = []
    if db_kind == "postgresql":
        server = request.getfixturevalue("pg_server")
        on_server = ["--db", server.url(server.new_database())]
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test", *on_server],
        cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    log = (tmp_path / "fulian-desk" / "selftest.log").read_text(encoding="utf-8")
    assert ("自检通过（9 步" if on_server else "自检通过（8 步") in log
    assert "[通过] 主窗口：已打开，列出 2 个示例单位" in log
    assert "[通过] PDF 预览：" in log
    assert log.rstrip().endswith("selftest.log")
