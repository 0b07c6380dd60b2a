"""Which database the program opens: the embedded file (default) or a shared server, remembered per user.

The choice lives in database.json in the user's data folder and never holds a password. A server's
password is kept in the operating system's credential store (Windows 凭据管理器, macOS Keychain, the
Secret Service on Linux) through `keyring`; where none is available, the program asks at each start.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserError
from ..paths import default_database_path, user_data_dir
from ..storage.server import DEFAULT_PORT, ServerLocation, is_server_locator, parse_server_url

CHOICE_FILE = "database.json"
KEYRING_SERVICE = "fulian-desk"


class ChoiceError(UserError):
    """The remembered choice or the settings typed in cannot be used."""


@dataclass(frozen=True)
class DatabaseChoice:
    """`server` None: the database file at `path` (None: the default file)."""

    server: ServerLocation | None = None
    path: Path | None = None

    @property
    def is_server(self) -> bool:
        return self.server is not None

    def locator(self) -> str:
        """What open_database takes (a server URL without password; the password goes separately)."""
        if self.server is not None:
            return self.server.label
        return str(self.path or default_database_path())


def server_location(host: str, port: str | int, database: str, user: str) -> ServerLocation:
    """The dialog's four fields, checked, as a location (the password stays apart)."""
    host, database, user = host.strip(), database.strip(), user.strip()
    missing = [name for name, value in (("服务器地址", host), ("数据库名", database), ("用户名", user)) if not value]
    if missing:
        raise ChoiceError(f"请填写{'、'.join(missing)}。")
    text_port = str(port).strip() or str(DEFAULT_PORT)
    if not text_port.isdigit() or not 0 < int(text_port) < 65536:
        raise ChoiceError(f"端口“{text_port}”不对：应是 1 到 65535 之间的数字（PostgreSQL 通常是 5432）。")
    return ServerLocation(host=host, port=int(text_port), database=database, user=user)


# ------------------------------------------------------------------ remembered between starts


def choice_path(folder: Path | None = None) -> Path:
    return (folder or user_data_dir()) / CHOICE_FILE


def load_choice(folder: Path | None = None) -> DatabaseChoice:
    """The remembered choice; the default file when nothing (or nothing readable) was remembered."""
    path = choice_path(folder)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return DatabaseChoice()
    server = data.get("server") if isinstance(data, dict) else None
    if isinstance(server, str) and is_server_locator(server):
        try:
            return DatabaseChoice(server=parse_server_url(server).with_password(None))
        except UserError:
            return DatabaseChoice()
    file = data.get("file") if isinstance(data, dict) else None
    return DatabaseChoice(path=Path(file) if isinstance(file, str) and file else None)


def save_choice(choice: DatabaseChoice, folder: Path | None = None) -> Path:
    """Remember the choice for the next start (never a password)."""
    from ..fileio import atomic_write_bytes

    data = {"server": choice.server.label} if choice.server else {"file": str(choice.path) if choice.path else ""}
    path = choice_path(folder)
    path.parent.mkdir(parents=True, exist_ok=True)
    return atomic_write_bytes(path, (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


# ------------------------------------------------------------------ the password, in the OS credential store


def _account(location: ServerLocation) -> str:
    return f"{location.user}@{location.host}:{location.port}/{location.database}"


def credential_store_available() -> bool:
    """Whether this PC has a credential store keyring can use (Windows always has one)."""
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # keyring's own start-up failing means: no store
        return False
    return not isinstance(backend, fail.Keyring) and getattr(backend, "priority", 0) > 0


def remembered_password(location: ServerLocation) -> str | None:
    if not credential_store_available():
        return None
    import keyring

    try:
        return keyring.get_password(KEYRING_SERVICE, _account(location))
    except Exception:  # a locked or broken store: ask the clerk instead
        return None


def remember_password(location: ServerLocation, password: str | None) -> bool:
    """Keep the password in the credential store (or forget it when None); False when there is no store."""
    if not credential_store_available():
        return False
    import keyring
    from keyring.errors import PasswordDeleteError

    account = _account(location)
    try:
        if password:
            keyring.set_password(KEYRING_SERVICE, account, password)
        else:
            try:
                keyring.delete_password(KEYRING_SERVICE, account)
            except PasswordDeleteError:
                pass
    except Exception as exc:
        raise ChoiceError(f"无法把密码保存到本机的凭据管理器（{exc}）。请取消“记住密码”，每次启动时输入密码。") from exc
    return True


def check_connection(location: ServerLocation, password: str | None):
    """测试连接: connect once, change nothing; returns a probe with a Chinese summary, or raises UserError."""
    from ..storage.server_database import probe_server

    return probe_server(location.with_password(password or None))


def open_chosen(locator: str | None, password: str | None = None, folder: Path | None = None):
    """Open what --db names, else the remembered choice; returns (database, choice used).

    A server's password comes from `password`, else the URL, else the credential store; when there is
    none, libpq's own sources (PGPASSWORD, pgpass) still apply, and a refusal says the password is wrong.
    """
    from ..storage import open_database

    if locator:
        choice = DatabaseChoice(server=parse_server_url(locator)) if is_server_locator(locator) else DatabaseChoice(path=Path(locator))
    else:
        choice = load_choice(folder)
    if choice.server is None:
        return open_database(choice.locator()), choice
    server = choice.server
    secret = password or server.password or remembered_password(server)
    return open_database(server.with_password(secret)), choice
