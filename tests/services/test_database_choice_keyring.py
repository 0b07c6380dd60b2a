"""The shared database's password in a real credential store: keyrings.alt's file back end in the test's
own data folder, chosen the way keyring chooses any back end (PYTHON_KEYRING_BACKEND), stands in for the
Windows 凭据管理器 this machine lacks. The code that stores, reads and deletes the password runs unchanged.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from desktop.services import database_choice as choices
from desktop.storage.server import parse_server_url
from tests.pg_server import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
BACKEND = "keyrings.alt.file.PlaintextKeyring"
NEXT_START = """
import sys
from desktop.services import database_choice as choices
database, used = choices.open_chosen(None, folder=__import__("pathlib").Path(sys.argv[1]))
print("opened", used.server.label, database.is_shared, choices.remembered_password(used.server) is not None)
database.close()
"""


@pytest.fixture
def file_store(monkeypatch):
    """The file back end, keeping its file under this test's XDG data folder (set for every test)."""
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", BACKEND)
    previous = keyring.get_keyring()
    store = PlaintextKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(previous)


def test_the_password_is_stored_read_and_deleted_in_the_store_never_in_the_choice_file(file_store, pg_server,
                                                                                      tmp_path):
    location = parse_server_url(pg_server.url(pg_server.new_database(), password=False))
    assert choices.credential_store_available()
    assert choices.remembered_password(location) is None

    assert choices.remember_password(location, PASSWORD)
    store_file = Path(file_store.file_path)
    assert store_file.is_relative_to(os.environ["XDG_DATA_HOME"]) and "[fulian_2Ddesk]" in store_file.read_text()
    assert choices.remembered_password(location) == PASSWORD
    choice_file = choices.save_choice(choices.DatabaseChoice(server=location), tmp_path)
    assert PASSWORD not in choice_file.read_text(encoding="utf-8")

    # The next start is another process: keyring finds the same store and the program opens the server
    # with the kept password, asking nothing.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = subprocess.run([sys.executable, "-c", NEXT_START, str(tmp_path)], capture_output=True, text=True,
                             env=env, cwd=ROOT, timeout=120)
    assert started.returncode == 0, started.stderr
    assert started.stdout.split() == ["opened", location.label, "True", "True"]

    # The command line takes the kept password too, for an address written without one.
    listed = subprocess.run([sys.executable, "-m", "desktop.cli", "--db", location.label, "list"],
                            capture_output=True, text=True, env={**env, "PGPASSWORD": ""}, cwd=ROOT, timeout=120)
    assert listed.returncode == 0, listed.stderr

    assert choices.remember_password(location, None)  # 记住密码 unticked: the password leaves the store
    assert choices.remembered_password(location) is None
    assert choices.remember_password(location, None)  # forgetting what is not kept is no error
    started = subprocess.run([sys.executable, "-c", NEXT_START, str(tmp_path)], capture_output=True, text=True,
                             env={**env, "PGPASSWORD": ""}, cwd=ROOT, timeout=120)
    assert started.returncode != 0 and "密码" in started.stderr  # nothing kept: the server refuses, in Chinese


def test_a_store_that_fails_is_told_in_chinese(file_store, pg_server, tmp_path):
    location = parse_server_url(pg_server.url(pg_server.new_database(), password=False))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("x", encoding="utf-8")
    file_store.file_path = str(blocked / "keyring_pass.cfg")  # the store's file cannot be written
    with pytest.raises(choices.ChoiceError) as refused:
        choices.remember_password(location, PASSWORD)
    assert "凭据管理器" in refused.value.message and "每次启动时输入密码" in refused.value.message
    assert choices.remembered_password(location) is None  # a broken store: the clerk is asked instead
