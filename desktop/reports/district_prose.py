"""Sentences about the whole district that its own report can cite, generated from the collected figures.

"全区各乡镇（街道）妇联共开展宣讲120场，受益1.2万人次。" — every number comes from the summary, so
the sentence changes when a township's file is replaced; nobody types the figures.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..domain.district import UNSTATED_UNIT, DistrictSummary, Tally
from ..domain.money import format_wan

SUBJECT = "全区各乡镇（街道）妇联"


def count_text(n: int) -> str:
    """120 → "120"; 12,345 → "1.23万" (as reports write large counts)."""
    if n < 10000:
        return str(n)
    wan = (Decimal(n) / 10000).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize()
    return f"{format(wan, 'f')}万"


def _beneficiaries(tally: Tally) -> str:
    parts = []
    for unit, n in tally.beneficiaries.items():
        if not n:
            continue
        parts.append(f"{count_text(n)}（计量单位未注明）" if unit == UNSTATED_UNIT else f"{count_text(n)}{unit}")
    return "、".join(parts)


def kind_sentence(kind: str, tally: Tally) -> str:
    kind = "其他活动" if kind == "其他" else kind
    sentence = f"{SUBJECT}共开展{kind}{count_text(tally.sessions or tally.activities)}场"
    if tally.participants:
        sentence += f"，参与{count_text(tally.participants)}人次"
    beneficiaries = _beneficiaries(tally)
    if beneficiaries:
        sentence += f"，受益{beneficiaries}"
    return sentence + "。"


def summary_sentences(summary: DistrictSummary) -> list[str]:
    """An opening sentence on the whole district, then one per activity kind."""
    totals = summary.totals
    opening = (
        f"{summary.fiscal_year}年，{SUBJECT}（{len(summary.townships)}个）共开展活动{count_text(totals.activities)}项"
        f"{count_text(totals.sessions)}场，参与{count_text(totals.participants)}人次"
    )
    beneficiaries = _beneficiaries(totals)
    if beneficiaries:
        opening += f"，受益{beneficiaries}"
    if totals.money:
        opening += f"，投入活动资金{format_wan(totals.money)}"
    sentences = [opening + "。"]
    sentences += [kind_sentence(kind, tally) for kind, tally in summary.by_kind.items() if tally.activities]
    return sentences
