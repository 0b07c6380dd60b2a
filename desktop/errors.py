"""The one base of every error a clerk reads: a Chinese `message` saying what happened and what to do.

Storage, exchange files, exports, Excel imports, outlines, the workspace and the command line each
raise a subclass of `UserError`. The front-ends catch this one class in one place (the command line in
`desktop.cli.main`, the window through its operation runner) and show `message`; anything else that
escapes is a programming error and reaches the crash handler instead.
"""

from __future__ import annotations

EXIT_INPUT = 2  # the command line's status for "the request cannot be carried out"


class UserError(Exception):
    """A request that cannot be carried out; `message` is the clerk's Chinese text.

    `exit_status` is what the command line exits with when this error ends a command (2 unless a
    subclass or the raiser says otherwise).
    """

    exit_status: int = EXIT_INPUT

    def __init__(self, message: str, *, exit_status: int | None = None):
        super().__init__(message)
        self.message = message
        if exit_status is not None:
            self.exit_status = exit_status
