"""Filling pages: the blocks of a report placed one under another in the text block, page after page.

The writer's own loop, kept to what a report needs: one frame at the margins, a callback that
decorates each page before its content is drawn, blocks that split at the foot of a page, page breaks
and conditional page breaks (keep-with-next). A block fits when its height, taken from the space left,
leaves at least nothing (within a millionth of a point); one that does not fit is asked to split into
what fits and the rest, and one that neither fits nor splits starts the next page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

_FUZZ = 1e-6


class LayoutError(Exception):
    """A block that fits on no page, even an empty one."""


class Flowable:
    """A block of the page: measured by `wrap`, cut by `split`, drawn by `draw_on` at its bottom-left."""

    width = 0.0
    height = 0.0
    # Measured even where no room is left at all (a gap that shrinks to nothing at the foot of a page).
    measured_when_full = False

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def split(self, available_width: float, available_height: float) -> list["Flowable"]:
        """The part that fits in `available_height` and the rest; [] when no useful cut exists."""
        return []

    def draw_on(self, canvas, x: float, y: float) -> None:
        raise NotImplementedError


class Spacer(Flowable):
    def __init__(self, height: float):
        self.height = height

    def draw_on(self, canvas, x, y):
        pass


class GapAfterTable(Spacer):
    """Half a line after a table — or nothing when the table ends at the foot of a page: carried over,
    the gap would open a page of its own, left blank by the next attachment's page break."""

    measured_when_full = True

    def wrap(self, available_width, available_height):
        return 0.0, (self.height if available_height >= self.height else 0.0)


class PageBreak(Flowable):
    """Ends the page (an empty one too: two breaks in a row leave a blank page, as in Word)."""


class CondPageBreak(Flowable):
    """Starts a new page unless at least `height` is left: a heading is not left at the foot of a page
    without the lines that follow it."""

    def __init__(self, height: float):
        self.height = height


@dataclass(frozen=True)
class Frame:
    """The text block: left, bottom, width and height in points."""

    x: float
    y: float
    width: float
    height: float


def fill_pages(canvas, story: list[Flowable], frame: Frame, decorate: Callable[[object], None]) -> int:
    """Draw `story` on the canvas page by page; returns the page count.

    A page is opened only when a block comes to be placed on it, so a break at the very end leaves no
    blank page behind; `decorate(canvas)` draws the page's furniture before its first block.
    """
    story = list(reversed(story))  # a stack: split parts go back on top
    pages = 0
    page_open = False
    y = 0.0
    at_top = True

    def end_page():
        nonlocal page_open
        canvas.showPage()
        page_open = False

    while story:
        block = story.pop()
        if not page_open:
            pages += 1
            decorate(canvas)
            page_open, y, at_top = True, frame.y + frame.height, True
        if isinstance(block, PageBreak):
            end_page()
            continue
        room = y - frame.y
        if isinstance(block, CondPageBreak):
            if room < block.height or room <= 0:
                end_page()
                if room <= 0:  # the page was full: the condition is checked again on the next one
                    story.append(block)
            continue
        if room > 0 or block.measured_when_full:
            _, height = block.wrap(frame.width, room)
            if y - height >= frame.y - _FUZZ:
                block.draw_on(canvas, frame.x, y - height)
                if height:
                    at_top = False
                y -= height
                continue
        parts = block.split(frame.width, room) if room > 0 else []
        if parts:
            first = parts[0]
            _, height = first.wrap(frame.width, room)
            if y - height < frame.y - _FUZZ:
                raise LayoutError(f"{type(block).__name__}: its first part does not fit where it was cut")
            first.draw_on(canvas, frame.x, y - height)
            if height:
                at_top = False
            y -= height
            story.extend(reversed(parts[1:]))
            continue
        if at_top:
            raise LayoutError(f"{type(block).__name__} fits on no page, not even an empty one")
        story.append(block)
        end_page()
    if page_open:
        end_page()
    return pages
