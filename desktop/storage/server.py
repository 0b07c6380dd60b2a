"""A shared database on a PostgreSQL server: its address, and an engine that never hangs on the network.

A database locator is either a file path (the embedded SQLite database, the default) or a server URL
`postgresql://user@host:5432/dbname`. The same tables, repositories and Alembic migrations serve both;
only opening differs. Every wait on the network has a bound: connecting (connect_timeout), each
statement (statement_timeout), waiting for a lock (lock_timeout), a silent peer (TCP keepalives and
tcp_user_timeout), so a server that is off, slow or gone gives a message in seconds, never a hang.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .server_errors import InvalidServerAddressError

if TYPE_CHECKING:  # SQLAlchemy is imported when a server is actually used (not on a file's start path)
    from sqlalchemy import Engine
    from sqlalchemy.engine import URL

SERVER_SCHEMES = ("postgresql", "postgres", "postgresql+psycopg")
DEFAULT_PORT = 5432
DRIVER = "postgresql+psycopg"

# The bounds on every wait, in seconds (connect) and milliseconds (statements, locks, TCP).
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 15_000
LOCK_TIMEOUT_MS = 10_000
TCP_USER_TIMEOUT_MS = 10_000
APPLICATION_NAME = "fulian-desk"


def is_server_locator(text: object) -> bool:
    """True when `text` names a database server (postgresql://…) rather than a database file."""
    lowered = str(text).strip().lower()
    return any(lowered.startswith(scheme + "://") for scheme in SERVER_SCHEMES)


@dataclass(frozen=True)
class ServerLocation:
    """Where a shared database lives: host, port, database and user; the password is kept apart."""

    host: str
    port: int
    database: str
    user: str
    password: str | None = None
    query: tuple[tuple[str, str], ...] = ()  # extra libpq options from the URL (e.g. sslmode)

    @property
    def server(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def name(self) -> str:
        """What the status bar shows: the database and the server it is on."""
        return f"{self.database}（{self.server}）"

    @property
    def label(self) -> str:
        """The URL without the password: safe to show, log and remember."""
        return self.url(with_password=False)

    def url(self, with_password: bool = True) -> str:
        return self.sqlalchemy_url(with_password).render_as_string(hide_password=False).replace(
            DRIVER + "://", "postgresql://", 1
        )

    def sqlalchemy_url(self, with_password: bool = True) -> URL:
        from sqlalchemy.engine import URL

        return URL.create(
            DRIVER,
            username=self.user,
            password=self.password if with_password else None,
            host=self.host,
            port=self.port,
            database=self.database,
            query=dict(self.query),
        )

    def with_password(self, password: str | None) -> ServerLocation:
        return ServerLocation(self.host, self.port, self.database, self.user, password, self.query)

    def __str__(self) -> str:
        return self.label


def parse_server_url(text: str) -> ServerLocation:
    """postgresql://user[:password]@host[:port]/database → ServerLocation; refuses what is incomplete."""
    raw = str(text).strip()
    if not is_server_locator(raw):
        raise InvalidServerAddressError(raw, "应以 postgresql:// 开头")
    try:
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        url = make_url(raw)
    except (ArgumentError, ValueError) as exc:
        detail = "端口应是数字" if "int()" in str(exc) else "无法识别"
        raise InvalidServerAddressError(_without_password(raw), detail) from exc
    shown = _without_password(raw)
    try:
        port = url.port or DEFAULT_PORT
    except ValueError as exc:
        raise InvalidServerAddressError(shown, "端口应是数字") from exc
    if not url.host:
        raise InvalidServerAddressError(shown, "缺少服务器地址")
    if not url.database:
        raise InvalidServerAddressError(shown, "缺少数据库名")
    if not url.username:
        raise InvalidServerAddressError(shown, "缺少用户名")
    query = tuple(sorted((k, v if isinstance(v, str) else v[-1]) for k, v in url.query.items()))
    return ServerLocation(url.host, int(port), url.database, url.username, url.password, query)


def _without_password(text: str) -> str:
    """The URL as typed, its password (if any) replaced, for messages."""
    head, sep, rest = text.partition("://")
    if "@" not in rest:
        return text
    credentials, _, tail = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{head}{sep}{user}@{tail}"


def connect_arguments(
    connect_timeout_s: int = CONNECT_TIMEOUT_S,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> dict:
    """libpq options of every connection: bounded waits, and a name the server's administrator sees."""
    options = " ".join(
        (
            f"-c statement_timeout={int(statement_timeout_ms)}",
            f"-c lock_timeout={LOCK_TIMEOUT_MS}",
            # A PC that vanishes mid-transaction must not hold its locks for ever.
            f"-c idle_in_transaction_session_timeout={max(60_000, 4 * int(statement_timeout_ms))}",
        )
    )
    return {
        "connect_timeout": int(connect_timeout_s),
        "options": options,
        "application_name": APPLICATION_NAME,
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        "tcp_user_timeout": TCP_USER_TIMEOUT_MS,
    }


def make_server_engine(
    location: ServerLocation,
    *,
    connect_timeout_s: int = CONNECT_TIMEOUT_S,
    statement_timeout_ms: int = STATEMENT_TIMEOUT_MS,
) -> Engine:
    """A small pool of psycopg 3 connections; each is checked before use, so one dropped while idle
    (server restarted, PC asleep) is replaced instead of failing the clerk's next save."""
    from sqlalchemy import create_engine

    return create_engine(
        location.sqlalchemy_url(),
        connect_args=connect_arguments(connect_timeout_s, statement_timeout_ms),
        pool_pre_ping=True,
        pool_size=2,
        max_overflow=4,
        pool_timeout=connect_timeout_s + 5,
    )
