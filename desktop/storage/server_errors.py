"""Refusals of a PostgreSQL server, each with a Chinese `message`; the network is not a disk.

Every one is a fault of the environment (server off, network down, wrong password …) that the clerk
or the office's administrator can remedy, so all derive from StorageEnvironmentError. Errors the
server reports while connecting carry no SQLSTATE in libpq, so those are told apart by libpq's own
(English, client-side) wording; errors inside a session are told apart by SQLSTATE.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import StorageEnvironmentError, StorageError

if TYPE_CHECKING:
    from .server import ServerLocation

NOT_SAVED = "如果刚才在保存，修改没有保存到数据库（程序中的内容仍在，连接恢复后可以再保存）。"


class ServerError(StorageEnvironmentError):
    """A fault between this PC and the database server."""

    def __init__(self, message: str, location: ServerLocation | None = None):
        super().__init__(message)
        self.location = location


class InvalidServerAddressError(StorageError):
    def __init__(self, text: str, detail: str):
        super().__init__(
            f"数据库地址“{text}”写得不对：{detail}。"
            "正确的写法如 postgresql://用户名@服务器地址:5432/数据库名。"
        )
        self.text = text


class ServerUnreachableError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"无法连接数据库服务器 {location.server}：服务器没有响应或拒绝连接。"
            "请确认服务器电脑已开机、PostgreSQL 服务正在运行、本机网络已连通（地址和端口填写正确），然后重试。"
            + NOT_SAVED,
            location,
        )


class ServerAuthenticationError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"数据库服务器 {location.server} 拒绝登录：用户名“{location.user}”或密码不正确。"
            "请在“文件→数据库设置”中重新输入密码，或请管理员核对账户。",
            location,
        )


class ServerDatabaseMissingError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"数据库服务器 {location.server} 上没有名为“{location.database}”的数据库。"
            "请核对数据库名，或请管理员按说明先创建数据库（见 docs/共用数据库.md）。",
            location,
        )


class ServerPermissionError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"用户“{location.user}”没有读写数据库“{location.database}”的权限。"
            "请管理员把该数据库交给此用户（ALTER DATABASE … OWNER TO …），然后重试。",
            location,
        )


class ServerTimeoutError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"数据库服务器 {location.server} 响应太慢，操作已超时取消。请稍后重试；"
            "如果一直如此，请检查网络或请管理员检查服务器。" + NOT_SAVED,
            location,
        )


class ConnectionLostError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"与数据库服务器 {location.server} 的连接中断了（服务器重启、关机或网络断开）。"
            "数据库不会留下保存了一半的报告。请等服务器恢复后重试。" + NOT_SAVED,
            location,
        )


class ServerBusyError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            "另一台电脑正在同时保存同一份数据，本次操作没有完成。请稍候再试一次。",
            location,
        )


class ServerDiskFullError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"数据库服务器 {location.server} 的磁盘空间不足，数据未能保存。请管理员清理服务器磁盘后重试；"
            "之前已保存的数据不受影响。",
            location,
        )


class NotOurServerDatabaseError(ServerError):
    def __init__(self, location: ServerLocation):
        super().__init__(
            f"服务器上的数据库“{location.database}”里已有其他程序的表，不是本程序的数据库。"
            "为保护其中的数据，本程序不会改动它。请为本程序单独创建一个空数据库。",
            location,
        )


# ------------------------------------------------------------------ translation

# SQLSTATE classes and codes (PostgreSQL documentation, appendix A).
_LOST = {"57P01", "57P02", "57P03", "08000", "08003", "08006", "08001", "08004", "08007", "08P01"}
_TIMEOUT = {"57014", "55P03", "25P03"}  # statement timeout, lock not available, idle-in-transaction timeout
_BUSY = {"40001", "40P01"}  # serialization failure, deadlock
_AUTH = {"28000", "28P01"}
_PERMISSION = {"42501"}
_MISSING_DB = {"3D000"}
_DISK_FULL = {"53100"}

# libpq's connection failures have no SQLSTATE: their wording, which libpq itself writes in English.
_CONNECT_WORDING = (
    ("password authentication failed", ServerAuthenticationError),
    ("no password supplied", ServerAuthenticationError),
    ("authentication failed", ServerAuthenticationError),
    ("no pg_hba.conf entry", ServerAuthenticationError),
    ("role", None),  # "role "x" does not exist": handled below with the database case
    ("does not exist", None),
    ("timeout expired", ServerUnreachableError),
    ("connection refused", ServerUnreachableError),
    ("could not translate host name", ServerUnreachableError),
    ("no route to host", ServerUnreachableError),
    ("network is unreachable", ServerUnreachableError),
    ("server closed the connection", ConnectionLostError),
    ("connection is lost", ConnectionLostError),
    ("the connection is closed", ConnectionLostError),
    ("ssl syscall error", ConnectionLostError),
    ("consuming input failed", ConnectionLostError),
    ("sending query failed", ConnectionLostError),
)


def from_server_error(exc: BaseException, location: ServerLocation) -> StorageError | None:
    """The StorageError a psycopg error stands for, or None when it is a programming error."""
    import psycopg

    if not isinstance(exc, psycopg.Error):
        return None
    state = getattr(exc, "sqlstate", None)
    if state:
        if state in _LOST:
            return ConnectionLostError(location)
        if state in _TIMEOUT:
            return ServerTimeoutError(location)
        if state in _BUSY:
            return ServerBusyError(location)
        if state in _AUTH:
            return ServerAuthenticationError(location)
        if state in _PERMISSION:
            return ServerPermissionError(location)
        if state in _MISSING_DB:
            return ServerDatabaseMissingError(location)
        if state in _DISK_FULL:
            return ServerDiskFullError(location)
        return None
    if not isinstance(exc, psycopg.OperationalError | psycopg.InterfaceError):
        return None
    text = str(exc).lower()
    if "does not exist" in text:
        if 'role "' in text:
            return ServerAuthenticationError(location)
        return ServerDatabaseMissingError(location)
    for wording, kind in _CONNECT_WORDING:
        if kind is not None and wording in text:
            return kind(location)
    if text.startswith("connection failed") or "connection to server" in text:
        return ServerUnreachableError(location)
    # Any other OperationalError without SQLSTATE comes from libpq losing the connection.
    return ConnectionLostError(location)
