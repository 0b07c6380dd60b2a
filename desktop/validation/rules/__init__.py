"""The rule catalogue: every rule is a function Context → iterable of Issue, listed here in report order."""

from . import activities, attachments, finance, indicators, narratives, numbers, profile, projects, scores, weights

CATALOGUE = [
    *profile.RULES,
    *activities.RULES,
    *finance.RULES,
    *projects.RULES,
    *indicators.RULES,
    *weights.RULES,
    *attachments.RULES,
    *scores.RULES,
    *narratives.RULES,
    *numbers.RULES,
]
