"""Validation: the checks a reviewer makes, run before the clerk submits (no Qt, no database).

Entry points
------------
``validate(report) -> list[Issue]``
    Runs every rule of the catalogue (``desktop.validation.rules``) under the rule set the report names
    (``Report.rule_set``: "national" 执行10/产出50/效益30/满意度10, or "sichuan" 执行10 + 指标90) with the
    local overlays it switches on (``Report.overlays``: "score_cap", "deviation_130"), and with what its
    outline prints (``Report.outline``). Never raises on bad data; never reads the database.
``summarize(issues) -> Summary``
    Counts errors, warnings and hints; ``Summary.ok`` is True when no error blocks submission.

The Issue value
---------------
``Issue(code, severity, field, message, hint)``, frozen:

- ``code``: a stable identifier such as ``BAL-001`` that tests and the GUI rely on. The prefix names the
  family: UNT/STF profile, ACT ledger, INC/EXP/BAL/SHR/EXE/ADJ/BUD/TPF money, PRJ projects,
  IND indicators, WGT weights, STR indicator structure, SCO/GRD totals and grades, NAR text,
  NUM numbers in text, SYS the engine itself.
- ``severity``: ``Severity.ERROR`` (a reviewer would send the report back; blocks submission),
  ``Severity.WARNING`` (likely to be queried), ``Severity.INFO`` (advice).
- ``field``: where to look, as an exchange path (the same paths the exchange codec names in its errors):
  dotted attribute names from ``report`` with ``[i]`` list indexes, e.g.
  ``report.finance.income_lines[0].amount``, ``report.projects[2].indicators[1].score``,
  ``report.narratives.achievements[3].blocks[0].text``. A path ending in a list
  (``report.problems``) means the list as a whole. ``Issue.section`` groups paths by report part.
- ``message``: Chinese, with the numbers involved; ``hint``: Chinese, what to do.

Rule sets (``national.json``, ``sichuan.json``; each states its execution-rate cap in ``score_cap``, with
``applies`` saying whether it caps by itself), overlays (``overlays.json``; "score_cap" switches a rule
set's cap on for one report) and what each outline prints and therefore requires (``requirements.json``) are data: JSON files in ``resources/rulesets/``. A figure
or section the report's outline does not print is not required.
"""

from .engine import run as validate
from .issue import Issue, Severity, Summary, summarize

__all__ = ["Issue", "Severity", "Summary", "summarize", "validate"]
