"""plan-editor check FILE [--json]: the consistency report (檢核報告) of a plan's working draft.

Without ``--json``: one line per finding, tab-separated (severity, number, title, message), in
English as the whole command line is (the rules' English messages, ``run_checks(lang="en")``; the
plan's numbers, titles and quoted texts stay as written; the window shows the Chinese ones), then
one summary line. With ``--json``: a list of {"code", "severity", "node_id", "number", "title",
"message"} and nothing else on stdout. Exit status 1 when any
finding is an error or a warning, 0 otherwise (info alone is not a problem); a file that
cannot be read is one line on stderr and exit status 2 (see editor.cli).
"""
from __future__ import annotations

import json

from editor.terminal import one_line
from schema.checks import ERROR, INFO, WARNING, run_checks
from schema.fileio import load_plan

SEVERITY_NAMES = {ERROR: "error", WARNING: "warning", INFO: "info"}


def run(args) -> int:
    plan = load_plan(args.file)
    findings = run_checks(plan.draft.content, plan.period, lang="en", style=plan.numbering_style)
    if args.json:
        print(json.dumps([f.as_dict() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in findings:
            fields = (SEVERITY_NAMES[finding.severity], finding.number, finding.title, finding.message)
            print("\t".join(one_line(field) for field in fields))  # one finding, one line, whatever the title holds
        print(summary(findings))
    return 1 if any(f.severity in (ERROR, WARNING) for f in findings) else 0


def summary(findings) -> str:
    """5 findings: 0 errors, 3 warnings, 2 info; or No problems found."""
    if not findings:
        return "No problems found."
    count = {s: sum(1 for f in findings if f.severity == s) for s in SEVERITY_NAMES}
    errors, warnings = count[ERROR], count[WARNING]
    return (f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: {errors} error{'s' if errors != 1 else ''}, "
            f"{warnings} warning{'s' if warnings != 1 else ''}, {count[INFO]} info")
