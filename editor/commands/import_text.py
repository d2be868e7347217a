"""plan-editor import-text: the name ``plan-editor import`` had when it read only text; the same command."""
from __future__ import annotations

from editor.commands.import_plan import run as _run_import


def run(args) -> int:
    return _run_import(args, command="import-text")
