"""Fixtures of the report tests: the two seed reports, their exports, and LibreOffice's conversion of them."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.exchange import read_file

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = {
    "000": ("seed_000_jinkouhe_2024.fulian.json", "sichuan"),
    "004": ("seed_004_huangpu_2022.fulian.json", "guangdong"),
}
FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
SOFFICE = "/usr/bin/soffice"


def seed_report(seed: str):
    return read_file(DATA / SEEDS[seed][0])


@pytest.fixture(params=sorted(SEEDS))
def seed(request) -> str:
    return request.param


@pytest.fixture
def report(seed):
    return seed_report(seed)


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Both seeds exported once to docx and pdf: {"000": {"docx": path, "pdf": path}, …}."""
    from desktop.reports.export import export_report

    result = {}
    for seed in SEEDS:
        out = tmp_path_factory.mktemp(f"export_{seed}")
        paths = export_report(seed_report(seed), out, ("docx", "pdf")).paths
        result[seed] = {p.suffix[1:]: p for p in paths}
    return result


def soffice_env(profile: Path) -> dict[str, str]:
    env = dict(os.environ)
    # LibreOffice has no 仿宋/黑体 here; the alias file maps the faces the Word file names to an installed one.
    env["FONTCONFIG_FILE"] = str(FONTS_CONF)
    env["HOME"] = str(profile)
    return env


def soffice_to_pdf(docx: Path, out_dir: Path, profile: Path) -> Path:
    """Convert with a fresh LibreOffice profile of our own; fails the test when soffice fails."""
    out_dir.mkdir(parents=True, exist_ok=True)
    completed = subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
         "--outdir", str(out_dir), str(docx)],
        capture_output=True, text=True, timeout=180, env=soffice_env(profile),
    )
    target = out_dir / (docx.stem + ".pdf")
    assert completed.returncode == 0 and target.is_file(), (
        f"LibreOffice failed ({completed.returncode}): {completed.stdout}\n{completed.stderr}"
    )
    return target


@pytest.fixture(scope="session")
def office_pdfs(exported, tmp_path_factory) -> dict[str, Path]:
    assert shutil.which(SOFFICE) or Path(SOFFICE).exists(), "LibreOffice (soffice) must be installed"
    profile = tmp_path_factory.mktemp("lo_profile")
    out = tmp_path_factory.mktemp("lo_out")
    return {seed: soffice_to_pdf(files["docx"], out, profile) for seed, files in exported.items()}


def modules_loaded_by_export(tmp_path: Path, fmt: str, prefixes: tuple[str, ...]) -> list[str]:
    """The modules named by `prefixes` that `fulian export SEED000 --format fmt` loads, in a fresh process
    with its own cache and data folders; the exported file is checked to be there."""
    import json
    import sys

    script = (
        "import json, sys\n"
        "from desktop.cli import main\n"
        "code = main(['export', sys.argv[1], '--format', sys.argv[2], '--out', sys.argv[3]])\n"
        "assert code == 0, code\n"
        "prefixes = tuple(sys.argv[4:])\n"
        "print(json.dumps(sorted(m for m in sys.modules if m in prefixes or m.startswith(tuple(p + '.' for p in prefixes)))))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_DATA_HOME": str(tmp_path / "data")}
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-c", script, str(DATA / SEEDS["000"][0]), fmt, str(out), *prefixes],
                            cwd=Path(__file__).resolve().parents[2], env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert list(out.glob(f"*.{fmt}")), result.stdout
    return json.loads(result.stdout.strip().splitlines()[-1])


def run(*command: str) -> str:
    """Run a poppler tool; its absence or failure fails the test (CI installs poppler-utils)."""
    completed = subprocess.run(list(command), capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, f"{command[0]} failed: {completed.stderr}"
    return completed.stdout


def filled_seed(seed: str):
    """A seed whose 自评表 forms are filled (indicator rows, every fund figure and goal), as a clerk
    completes them before submitting: the seeds' own forms are empty, and empty forms are not printed."""
    import copy

    from tests.validation.builders import department_indicators, project_indicators

    report = copy.deepcopy(seed_report(seed))
    report.self_evaluation.indicators = department_indicators()
    for project in report.projects:
        project.indicators = project_indicators()
        if project.adjusted.total is None:
            project.adjusted = copy.deepcopy(project.initial)
        if project.executed.total is None:
            project.executed = copy.deepcopy(project.initial)
        project.expected_goal = project.expected_goal or f"完成{project.name}年度任务"
        project.actual_goal = project.actual_goal or f"已完成{project.name}年度任务"
    return report
