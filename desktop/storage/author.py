"""Who is writing: the PC's login and machine name, stamped on every report write (reports.changed_by)."""

from __future__ import annotations

import getpass
import socket
from datetime import datetime


def current_author() -> str:
    """"login@machine", what a colleague recognises ("zhangsan@FULIAN-PC2"); never fails."""
    try:
        user = getpass.getuser()
    except Exception:  # no login name in the environment (a service account): still stamp the PC
        user = "?"
    try:
        host = socket.gethostname() or "?"
    except OSError:
        host = "?"
    return f"{user}@{host}"


def now_text() -> str:
    """Local time to the second, ISO text: stored the same on SQLite and PostgreSQL."""
    return datetime.now().replace(microsecond=0).isoformat()


def stamp() -> dict[str, str]:
    """The columns every report write sets."""
    return {"changed_by": current_author(), "changed_at": now_text()}
