"""A real PostgreSQL server for the tests: Debian's binaries, a throw-away cluster in a temporary folder.

The cluster is made with `initdb` and run with `pg_ctl` as an unprivileged user (PostgreSQL refuses to
run as root: when the tests run as root, the `postgres` account the Debian package creates runs it).
It listens on 127.0.0.1 only (on a free port) and on a Unix socket inside its own folder. It is started
on first use, so a test run that never touches PostgreSQL never pays for it, and it is stopped and its
folder removed at the end of the session whatever happens: a pytest finalizer, an atexit hook and a
SIGTERM handler all lead to the same `stop()`, and scripts/test.sh stops any cluster a killed run left.

Each test gets its own empty database (`CREATE DATABASE`), owned by the role `fulian`, which logs in
over TCP with a password (scram-sha-256), as an office's clerk would.
"""

from __future__ import annotations

import atexit
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

FOLDER_PREFIX = "fulian-test-pg-"  # scripts/test.sh stops clusters left in folders of this name
ROLE = "fulian"
PASSWORD = "fulian-test-secret"
SUPERUSER = "postgres"


def postgres_bin() -> Path:
    """The newest installed server's bin folder (Debian: /usr/lib/postgresql/<major>/bin)."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"), key=lambda p: int(p.split("/")[4]))
    if not candidates:
        raise RuntimeError(
            "PostgreSQL is not installed: the tests need Debian's `postgresql` package "
            "(bash scripts/setup.sh test installs it)."
        )
    return Path(candidates[-1]).parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class PostgresServer:
    """One running cluster; `url(dbname)` is what the program is given as --db."""

    folder: Path
    port: int
    bin: Path
    run_as: str | None  # the account the server runs as, when we are root
    _counter: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)
    stopped: bool = False

    @property
    def data(self) -> Path:
        return self.folder / "data"

    @property
    def socket_dir(self) -> Path:
        return self.folder / "socket"

    def url(self, dbname: str, *, password: bool = True, port: int | None = None) -> str:
        secret = f":{PASSWORD}" if password else ""
        return f"postgresql://{ROLE}{secret}@127.0.0.1:{port or self.port}/{dbname}"

    # -------------------------------------------------------------- commands

    def _command(self, *args: str, check: bool = True, timeout: float = 60) -> subprocess.CompletedProcess:
        argv = [str(a) for a in args]
        if self.run_as:
            argv = ["runuser", "-u", self.run_as, "--", *argv]
        return subprocess.run(argv, capture_output=True, text=True, check=check, timeout=timeout)

    def psql(self, sql: str, dbname: str = "postgres") -> str:
        """Run SQL as the superuser over the Unix socket; returns psql's unaligned output."""
        result = self._command(
            self.bin / "psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
            "-h", self.socket_dir, "-p", str(self.port), "-U", SUPERUSER, "-d", dbname, "-c", sql,
        )
        return result.stdout.strip()

    def new_database(self, stem: str = "t") -> str:
        """A fresh, empty database owned by the program's role; returns its name."""
        with self._lock:
            self._counter += 1
            name = f"{stem}_{os.getpid()}_{self._counter}"
        self.psql(f'CREATE DATABASE "{name}" OWNER {ROLE}')
        return name

    def copy_database(self, source: str) -> str:
        """A new database holding a copy of `source` (nobody may be connected to it); returns its name."""
        with self._lock:
            self._counter += 1
            name = f"c_{os.getpid()}_{self._counter}"
        self.psql(f'CREATE DATABASE "{name}" TEMPLATE "{source}" OWNER {ROLE}')
        return name

    def drop_database(self, name: str) -> None:
        self.psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def start(self) -> None:
        """(Re)start the server on its port; waits until it accepts connections."""
        self._command(
            self.bin / "pg_ctl", "-D", self.data, "-l", self.folder / "server.log", "-w", "-t", "30",
            "-o", f"-p {self.port}", "start",
        )
        self.stopped = False

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (fast: clients are disconnected; immediate: as if the machine lost power)."""
        if self.data.exists():
            self._command(self.bin / "pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", "30", "stop", check=False)
        self.stopped = True

    def destroy(self) -> None:
        """Stop the server and remove its folder: the end of every test session."""
        try:
            self.stop("immediate")
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def start_server(durable: bool = False) -> PostgresServer:
    """initdb a cluster into a new temporary folder and start it on 127.0.0.1.

    `durable`: wait for the disk on every commit as a real server does (benchmarks); tests need not.
    """
    bin_dir = postgres_bin()
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX))
    run_as = None
    if os.geteuid() == 0:
        run_as = SUPERUSER
        account = pwd.getpwnam(run_as)
        os.chown(folder, account.pw_uid, account.pw_gid)
    server = PostgresServer(folder=folder, port=free_port(), bin=bin_dir, run_as=run_as)
    (folder / "owner.pid").write_text(str(os.getpid()))  # scripts/test.sh: stop it if this process died
    _register_cleanup(server)
    server._command("mkdir", "-p", server.socket_dir)
    server._command(
        bin_dir / "initdb", "-D", server.data, "-U", SUPERUSER, "-E", "UTF8", "--locale=C.UTF-8",
        "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync",
    )
    settings = {
        "listen_addresses": "'127.0.0.1'",
        "unix_socket_directories": f"'{server.socket_dir}'",
        "max_connections": "200",
        "shared_buffers": "32MB",
        "log_min_messages": "warning",
    }
    if not durable:
        # Throw-away data: no need to survive the machine losing power, so no waiting on the disk.
        # synchronous_commit stays on: a commit is then written to the OS before it returns, so a
        # server killed by `stop("immediate")` (what the tests do) still keeps every commit;
        # with it off, a commit up to 200 ms old could vanish and a crash test would see its own
        # setup data gone.
        settings.update(fsync="off", full_page_writes="off")
    conf = "".join(f"{k} = {v}\n" for k, v in settings.items())
    with open(server.data / "postgresql.conf", "a", encoding="utf-8") as handle:
        handle.write(conf)
    server.start()
    server.psql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{PASSWORD}' CREATEDB")
    return server


_servers: list[PostgresServer] = []


def _register_cleanup(server: PostgresServer) -> None:
    _servers.append(server)
    if len(_servers) == 1:
        atexit.register(_destroy_all)
        # pytest has no SIGTERM handler: without this a terminated run would skip atexit and leave
        # the server running. Stop the servers, then die of SIGTERM as the sender asked.
        if threading.current_thread() is threading.main_thread():
            previous = signal.getsignal(signal.SIGTERM)
            if previous in (signal.SIG_DFL, None):
                signal.signal(signal.SIGTERM, _exit_on_sigterm)


def _exit_on_sigterm(signum, _frame) -> None:
    # Not SystemExit: raised inside a test, pytest would report it as that test's error and go on.
    try:
        _destroy_all()
    finally:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)


def _destroy_all() -> None:
    while _servers:
        _servers.pop().destroy()


def destroy(server: PostgresServer) -> None:
    if server in _servers:
        _servers.remove(server)
    server.destroy()


def main(argv: list[str]) -> int:
    """`python -m tests.pg_server COMMAND…`: run COMMAND with every `{url}` replaced by the address of a fresh
    database on a throw-away server, then stop the server; exits with COMMAND's status.

    scripts/build.sh runs the frozen bundle's self-test on a server this way."""
    import sys

    if not argv:
        print("usage: python -m tests.pg_server COMMAND… ({url} is replaced)", file=sys.stderr)
        return 2
    server = start_server()
    try:
        url = server.url(server.new_database())
        return subprocess.run([a.replace("{url}", url) for a in argv]).returncode
    finally:
        destroy(server)


if __name__ == "__main__":
    import sys

    sys.exit(main(sys.argv[1:]))
