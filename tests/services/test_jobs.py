"""Progress of long work and cancelling it between steps."""

import threading

import pytest

from desktop.services.jobs import Cancelled, Progress


def test_progress_reports_and_cancel_stops_at_the_next_step():
    seen = []
    progress = Progress(lambda done, total, text: seen.append((done, total, text)))
    progress.step(1, 3, "第一步")
    assert seen == [(1, 3, "第一步")]
    threading.Thread(target=progress.cancel).start()
    with pytest.raises(Cancelled):
        for _ in range(10_000_000):
            progress.step(2, 3)
    assert progress.cancelled
