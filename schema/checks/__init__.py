"""Consistency checks (檢核): the mistakes a reviewer would find, found before the reviewer does.

``run_checks(content, period, lang=...)`` returns a list of :class:`Finding` (code, severity,
node_id, number, title, message), in document order. Messages are one sentence in Traditional
Chinese, or English with ``lang="en"``. Pure Python and fast enough to run on every edit.

Rules, their codes and severities (error: wrong or unusable as it stands; warning: a reviewer
would send it back; info: worth a look, nothing wrong):

============================  ========  ==========================================================
code                          severity  what it finds
============================  ========  ==========================================================
invalid-character             error     characters Word cannot hold (U+0000–0008, 000B, 000C,
                                        000E–001F, FFFE, FFFF, lone surrogates) in any text field
empty-title                   error     a section, goal, focus area or strategy with a blank title
empty-text                    error     a blank paragraph or action
strategy-without-content      warning   a strategy with neither a body nor actions
duplicate-title               warning   two siblings (same parent) with the same title, ignoring
                                        punctuation and spaces; reported on the later one
chart-label-mismatch          warning   a chart label (架構圖標籤) that differs from its strategy's
                                        title by more than punctuation such as 「」 (shows both)
chart-label-long              info      a chart label wider than 14 full-width characters (Latin
                                        letters and digits count half), which the chart wraps;
                                        the label is the chart label, or the title without 「」
mixed-punctuation             warning   one kind of mark (， ； ： （）) used both full-width and
                                        half-width in Chinese text; the rarer form is reported
unknown-goal                  error     a strategy linked to a goal id that does not exist
strategy-without-goal         warning   once any strategy links to a goal: a strategy linked to none
goal-unserved                 warning   once any strategy links to a goal: a goal no strategy serves
kpi-year-outside-period       warning   a KPI target for a year outside the plan's period
kpi-year-missing              warning   a KPI with no (or a blank) target for a year of the period
============================  ========  ==========================================================

The KPI rules need the plan's period and are skipped when ``period`` is None.

Adding a rule: write one function in a rules module, decorated with
``@rule(code, severity, zh=..., en=...)``, yielding ``(node, message parameters)``.
"""
from __future__ import annotations

from schema.checks.core import (
    ERROR,
    INFO,
    RULES,
    SEVERITIES,
    WARNING,
    Finding,
    findings_by_node,
    rule,
    worst_severity,
)

# Importing a rules module registers its rules; this order is the order of findings on one node.
from schema.checks import text_rules  # noqa: E402,F401  isort: skip
from schema.checks import punctuation  # noqa: E402,F401  isort: skip
from schema.checks import link_rules  # noqa: E402,F401  isort: skip
from schema.checks.core import collect
from schema.checks.text_rules import CHART_LABEL_LIMIT
from schema.file_reading import collector_paused
from schema.model import NumberingStyle, Period, PlanContent

__all__ = [
    "CHART_LABEL_LIMIT",
    "ERROR",
    "INFO",
    "RULES",
    "SEVERITIES",
    "WARNING",
    "Finding",
    "findings_by_node",
    "rule",
    "run_checks",
    "worst_severity",
]


def run_checks(content: PlanContent, period: Period | None = None, *, lang: str = "zh",
               style: NumberingStyle | None = None) -> list[Finding]:
    """All findings on the plan's content, in document order (and rule order on one node); each names
    its item by its number in ``style`` (the plan's numbering style; the default one when None)."""
    with collector_paused():  # many short-lived objects, no cycles: nothing for the collector's passes to find
        return collect(content, period, lang, style)
