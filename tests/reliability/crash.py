"""Killing a real `fulian` process (kill -9) at a random moment, and what must hold afterwards."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import time
from pathlib import Path

from .conftest import cli

BIG_ACTIVITIES = 20_000


def big_exchange_file(seed: Path, target: Path, activities: int = BIG_ACTIVITIES) -> Path:
    """The seed's unit and year with `activities` ledger lines and another title: the "new" report."""
    document = json.loads(seed.read_text(encoding="utf-8"))
    lines = document["report"]["activities"]
    document["report"]["activities"] = [
        dict(lines[i % len(lines)], key=f"big{i:06d}", title=f"{lines[i % len(lines)]['title']}（{i}）")
        for i in range(activities)
    ]
    for line in document["report"]["activities"]:
        line["task_key"] = line.get("task_key")
    document["report"]["title"] = "新的报告（大台账）"
    target.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target


def is_server(db) -> bool:
    return str(db).startswith("postgresql://")


def integrity_ok(db) -> bool:
    """SQLite: PRAGMA integrity_check. A server keeps its own files whole; what the program must keep whole
    there is its data: no ledger line without its report, and the schema either absent or complete."""
    if is_server(db):
        import psycopg

        with psycopg.connect(str(db)) as raw:
            version = raw.execute("SELECT to_regclass('alembic_version'), to_regclass('activities')").fetchone()
            if version[0] is None:
                return version[1] is None  # nothing created, or everything (migrations are one transaction)
            orphans = raw.execute(
                "SELECT count(*) FROM activities a LEFT JOIN reports r ON r.id = a.report_id WHERE r.id IS NULL"
            ).fetchone()[0]
            return orphans == 0
    raw = sqlite3.connect(db)
    try:
        return raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        raw.close()


def report_state(db) -> tuple[str, int] | None:
    """(title, ledger lines) of the one report in the database, read with the plain driver; None if none."""
    if is_server(db):
        import psycopg

        with psycopg.connect(str(db)) as raw:
            if raw.execute("SELECT to_regclass('reports')").fetchone()[0] is None:
                return None
            row = raw.execute("SELECT id, title FROM reports").fetchone()
            if row is None:
                return None
            lines = raw.execute("SELECT count(*) FROM activities WHERE report_id = %s", (row[0],)).fetchone()[0]
            return row[1], lines
    raw = sqlite3.connect(db)
    try:
        row = raw.execute("SELECT id, title FROM reports").fetchone()
        if row is None:
            return None
        lines = raw.execute("SELECT count(*) FROM activities WHERE report_id = ?", (row[0],)).fetchone()[0]
        return row[1], lines
    finally:
        raw.close()


def run_and_kill(args: list[str], low: float, high: float, rng: random.Random) -> tuple[bool, float]:
    """Start `fulian ARGS`, kill -9 it after a random delay; (killed before it finished, delay)."""
    delay = rng.uniform(low, high)
    process = cli(*args)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    killed = process.poll() is None
    if killed:
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    return killed, delay


def final_files(folder: Path) -> list[Path]:
    """Files under their final names (hidden temporary files start with a dot)."""
    return [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")] if folder.exists() else []
