"""Long work (export, import, copying a year) reports progress and can be cancelled; no Qt here."""

from __future__ import annotations

import threading
from typing import Callable, Optional


class Cancelled(Exception):
    """The clerk pressed 取消; the work stops at its next step and leaves nothing half-done."""


class Progress:
    """Handed to a job: it says how far it is and asks, between steps, whether to stop."""

    def __init__(self, listener: Optional[Callable[[int, int, str], None]] = None):
        self._listener = listener
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        """Report progress, and stop here (raise Cancelled) if the clerk asked to."""
        self.check()
        if self._listener is not None:
            self._listener(done, total, text)

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()
