"""plan-editor part PLAN --focus N[,M…] | --agency NAME -o PART.plan.json: hand out a part of a plan.

The part is a plan file of its own holding the chosen focus areas (numbered 1 for 一、), or the
strategies whose lead agency (主辦機關) is NAME with the focus areas holding them, plus the goals
for context; it remembers what it was cut from, so ``plan-editor merge PLAN PART -o PLAN``
brings it back (see ``schema.part``).
"""
from __future__ import annotations

from pathlib import Path

from editor.commands import UsageError
from editor.commands.outputs import check_output
from schema.fileio import load_plan, save_plan
from schema.model import PlanDocument
from schema.part import PartError, describe_part, hand_out


def run(args) -> int:
    output = check_output("part", args.output, suffix=".plan.json", what="the part", inputs=[args.file])
    focus = None
    if args.focus is not None:
        try:
            focus = [int(n) for n in args.focus.split(",") if n.strip()]
        except ValueError:
            raise UsageError(f"plan-editor part: --focus takes focus area numbers such as 1,3, not {args.focus!r}") from None
    plan = load_plan(args.file)
    try:
        part = write_part(plan, output, focus=focus, agency=args.agency)
    except PartError as exc:
        raise UsageError(f"plan-editor part: {args.file}: {exc}") from None
    except OSError as exc:
        raise UsageError(f"{output} was not written: {exc.strerror or exc}.") from None
    print(f"wrote {output}: {describe_part(part)} of {plan.full_title()}")
    return 0


def write_part(plan: PlanDocument, output: Path, *, focus: list[int] | None = None, agency: str | None = None) -> PlanDocument:
    """Cut the part from ``plan`` and save it atomically to ``output`` (also File ▸ 分送局處… in the window).

    PartError when there is no such part, PlanFileError when it cannot be written (nothing is written then)."""
    part = hand_out(plan, focus=focus, agency=agency)
    save_plan(part, output)
    return part
