"""“改为 25.3 万元？”: a budget amount typed as 元 that was most likely meant in 万元, fixed in one click.

Budget figures of a federation run to tens of thousands of 元; “25.3” typed into 人员经费 is 25.30 元 as
typed, but 25.3 万元 as meant. The suggestion sits in space kept for it (beside a field, under a fund
grid, in a table's message line), so it appears without moving what the clerk is about to click.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Callable, Optional

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ..domain.money import WAN, plain_number
from ..services.figures import yuan_wan_text

# Below this an amount typed into a budget field was most likely meant in 万元 ("25.3" for 25.3 万元).
WAN_SLIP_BELOW = Decimal(1000)


def looks_like_wan(value: Optional[Decimal]) -> bool:
    return value is not None and 0 < value < WAN_SLIP_BELOW


class WanSuggestion(QPushButton):
    """One offer at a time: the field (or cell) that made it, the amount it would become, and how to set it."""

    def __init__(self, keep_space: bool = True):
        super().__init__()
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("color: #8a5a00; text-decoration: underline; border: none; padding: 0 4px; text-align: left;")
        if keep_space:
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
        self.owner: object = None
        self._apply: Optional[Callable[[Decimal], None]] = None
        self._value: Optional[Decimal] = None
        self.clicked.connect(self.accept)
        self.hide()

    def offer(self, owner: object, typed: Decimal, apply: Callable[[Decimal], None], where: str = "") -> None:
        """Offer `typed` × 10,000 for `owner` (a field, a cell); `apply(amount)` sets it."""
        self.owner, self._apply, self._value = owner, apply, typed * WAN
        prefix = f"{where} " if where else ""
        self.setText(f"{prefix}{plain_number(typed)} 元 → 改为 {plain_number(typed)} 万元？" if where
                     else f"改为 {plain_number(typed)} 万元？")
        self.setToolTip(f"按万元计：{yuan_wan_text(self._value)}")
        self.show()

    def withdraw(self, owner: object = None) -> None:
        """No longer offered (the amount was changed); only `owner`'s offer when one is named."""
        if owner is None or owner == self.owner:
            self.owner, self._apply, self._value = None, None, None
            self.hide()

    def accept(self) -> None:
        apply, value = self._apply, self._value
        self.withdraw()
        if apply is not None and value is not None:
            apply(value)
