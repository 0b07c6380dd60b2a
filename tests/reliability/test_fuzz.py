"""Fuzzing the readers of outside files: the exchange reader and the Excel ledger/budget readers.

Every generated input must end in a clean accept or a Chinese refusal (a UserError), never another
exception, never longer than 10 s, and a refused import leaves the database unchanged. Inputs are
mutations of the real seed files (seeded random, so a failure can be replayed); FULIAN_FUZZ_CASES sets
how many (bench/bench_reliability.py runs 10,000). Interesting inputs are kept in corpus/ and replayed
on every run.
"""

from __future__ import annotations

import copy
import io
import json
import os
import random
import re
import resource
import time
import zipfile
from pathlib import Path

import pytest

from desktop.errors import UserError
from desktop.exchange import loads, read_file

CORPUS = Path(__file__).resolve().parent / "corpus"
CHINESE = re.compile(r"[\u4e00-\u9fff]")
HANG_SECONDS = 10
MEMORY_LIMIT_MB = 500

# Values a hostile or broken file might hold where another type belongs.
ODD_VALUES = [
    None, True, False, 0, -1, 1.0, 1e308, -0.0, 10**30, "9" * 5000, "", " ", "\ud800", "a\x00b", "\x1b[31m",
    "２０２４", "2024-02-30", "NaN", "1e5", "-", [], {}, [[[]]], {"a": {"b": {}}}, "𠀀" * 10, "\u202e反向",
    "=SUM(A1:A9)", "null", "0.001", "12345678901234567.89",
]


def fuzz_cases(default: int) -> int:
    value = os.environ.get("FULIAN_FUZZ_CASES")
    return max(1, int(value)) if value else default


def _paths(node, prefix=()):
    """Every path to a value in a JSON document."""
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):  # a few rows of each list are enough
            yield from _paths(value, prefix + (index,))


def _mutate_document(document: dict, rng: random.Random) -> str:
    document = copy.deepcopy(document)
    paths = [p for p in _paths(document) if p]
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(paths)
        parent = document
        try:
            for step in path[:-1]:
                parent = parent[step]
            choice = rng.random()
            if choice < 0.6:
                parent[path[-1]] = copy.deepcopy(rng.choice(ODD_VALUES))
            elif choice < 0.8 and isinstance(parent, dict):
                del parent[path[-1]]
            elif isinstance(parent, dict):
                parent[f"extra_{rng.randint(0, 9)}"] = rng.choice(ODD_VALUES)
        except (KeyError, IndexError, TypeError):
            continue
    text = json.dumps(document, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.2:  # damage the text itself
        cut = rng.randrange(len(text))
        text = text[:cut] + rng.choice(["", "}", "\"", "\\u", "\x00", "\ufeff", "]]]"]) + text[cut + rng.randint(0, 20):]
    return text


def _outcome(read) -> tuple[str, float]:
    """("accepted" | "refused" | "traceback: …", seconds)."""
    started = time.monotonic()
    try:
        read()
        outcome = "accepted"
    except UserError as exc:
        if not CHINESE.search(exc.message):
            outcome = f"refusal without Chinese: {exc.message[:80]}"
        elif "。。" in exc.message:
            outcome = f"refusal ending twice: {exc.message[:160]}"
        else:
            outcome = "refused"
    except Exception as exc:  # noqa: BLE001 - the very thing counted
        outcome = f"traceback: {type(exc).__name__}: {str(exc)[:120]}"
    return outcome, time.monotonic() - started


def _memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def test_exchange_reader_accepts_or_refuses_in_chinese(seed_paths, tmp_path, figures):
    rng = random.Random(2024)
    documents = [json.loads(p.read_text(encoding="utf-8")) for p in seed_paths]
    for n in range(fuzz_cases(300)):
        text = _mutate_document(rng.choice(documents), rng)
        path = tmp_path / "case.fulian.json"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        outcome, seconds = _outcome(lambda: read_file(path))
        ok = outcome in ("accepted", "refused") and seconds < HANG_SECONDS
        if not ok:
            (tmp_path / f"failing-{n}.fulian.json").write_bytes(path.read_bytes())
        figures.trial(ok, f"case {n}: {outcome} in {seconds:.1f}s")
    assert _memory_mb() < MEMORY_LIMIT_MB


def test_refused_imports_leave_the_database_unchanged(seed_paths, workspace, db_locator, tmp_path, figures):
    from tests.db_dump import dump

    workspace.import_file(seed_paths[1])
    rng = random.Random(7)
    document = json.loads(seed_paths[0].read_text(encoding="utf-8"))
    for n in range(max(1, fuzz_cases(300) // 10)):
        path = tmp_path / "case.fulian.json"
        path.write_bytes(_mutate_document(document, rng).encode("utf-8", "surrogatepass"))
        before = dump(db_locator)
        outcome, seconds = _outcome(lambda: workspace.import_file(path, replace=True))
        unchanged = outcome != "refused" or dump(db_locator) == before
        figures.trial(outcome in ("accepted", "refused") and unchanged and seconds < HANG_SECONDS,
                      f"case {n}: {outcome}, unchanged={unchanged}")


def _ledger_bytes(seed_paths, tmp_path) -> bytes:
    from desktop.excel.templates import write_ledger

    return write_ledger(read_file(seed_paths[0]), tmp_path / "台账.xlsx").read_bytes()


def _mutate_xlsx(original: bytes, rng: random.Random) -> bytes:
    """Change the workbook's XML (values, tags, sizes) or its zip bytes."""
    if rng.random() < 0.25:
        data = bytearray(original)
        for _ in range(rng.randint(1, 20)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        return bytes(data)
    source = zipfile.ZipFile(io.BytesIO(original))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith(".xml") and rng.random() < 0.5:
                text = data.decode("utf-8", "replace")
                for _ in range(rng.randint(1, 5)):
                    choice = rng.random()
                    values = re.findall(r"<v>[^<]*</v>|<t[^>]*>[^<]*</t>", text)
                    if values and choice < 0.5:
                        old = rng.choice(values)
                        new = rng.choice(["<v>1e308</v>", "<v>-1</v>", "<v></v>", "<t>_x0001_</t>", "<t>" + "长" * 3000 + "</t>",
                                          "<f>SUM(A1:A3)</f>", "<v>NaN</v>", "<t>2024-02-30</t>", "<v>45000.5</v>"])
                        text = text.replace(old, new, 1)
                    elif choice < 0.7:
                        cut = rng.randrange(len(text))
                        text = text[:cut] + text[cut + rng.randint(1, 50):]
                    elif choice < 0.85:
                        text = text.replace('r="', 'r="Z', 1)
                    else:
                        text = text.replace("<row ", '<row r="999999" ', 1)
                data = text.encode("utf-8")
            target.writestr(info.filename, data)
    return out.getvalue()


@pytest.mark.parametrize("kind", ["ledger", "budget"])
def test_excel_readers_accept_or_refuse_in_chinese(seed_paths, tmp_path, figures, kind):
    from desktop.excel.budget_import import preview_budget
    from desktop.excel.ledger_import import preview_ledger
    from desktop.excel.templates import write_budget_template

    report = read_file(seed_paths[0])
    if kind == "ledger":
        original, preview = _ledger_bytes(seed_paths, tmp_path), preview_ledger
    else:
        original, preview = write_budget_template(tmp_path / "预算.xlsx", report).read_bytes(), preview_budget
    rng = random.Random(hash(kind) & 0xFFFF)
    for n in range(max(1, fuzz_cases(300) // 5)):
        path = tmp_path / f"case-{kind}.xlsx"
        path.write_bytes(_mutate_xlsx(original, rng))

        def read():
            result = preview(path, report)
            for problem in result.problems:
                if not CHINESE.search(problem.text()):
                    raise AssertionError(f"problem without Chinese: {problem.text()}")

        outcome, seconds = _outcome(read)
        ok = outcome in ("accepted", "refused") and seconds < HANG_SECONDS
        if not ok:
            (tmp_path / f"failing-{n}.xlsx").write_bytes(path.read_bytes())
        figures.trial(ok, f"case {n}: {outcome} in {seconds:.1f}s")
    assert _memory_mb() < MEMORY_LIMIT_MB


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*")) if CORPUS.exists() else [])
def test_corpus_case(name, tmp_path, seed_paths):
    """Inputs that once found a fault (a traceback, a silent blank, "。。", a number echoed whole), kept:
    each must now be a clean Chinese refusal."""
    path = CORPUS / name
    if name.endswith(".json"):
        outcome, _ = _outcome(lambda: loads(path.read_bytes().decode("utf-8", "surrogatepass")))
    else:
        from desktop.excel.ledger_import import preview_ledger

        outcome, _ = _outcome(lambda: preview_ledger(path, read_file(seed_paths[0])))
    if name.endswith(".json"):
        assert outcome == "refused", outcome
    else:
        from desktop.excel.ledger_import import preview_ledger

        preview = preview_ledger(path, read_file(seed_paths[0]))
        assert not preview.ok and all(CHINESE.search(p.text()) and "。。" not in p.text() for p in preview.problems)
