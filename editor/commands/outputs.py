"""Checks shared by the commands that write files: the right kind of name, and never an input."""
from __future__ import annotations

from pathlib import Path

from editor.commands import UsageError


def check_output(command: str, path: str | Path, *, suffix: str, what: str, inputs: list[str | Path]) -> Path:
    """Refuse, before anything is written, an output of the wrong kind or one that is an input file."""
    path = Path(path)
    if not path.name.lower().endswith(suffix):
        raise UsageError(f"plan-editor {command}: {path}: {what} must end in {suffix}")
    try:
        path.resolve()
    except (OSError, RuntimeError):  # Python 3.11 raises RuntimeError for a loop, later ones OSError
        raise UsageError(f"plan-editor {command}: {path} is a symbolic link that loops (or cannot be followed); choose another output file") from None
    refuse_input(command, path, inputs)
    return path


def refuse_input(command: str, path: str | Path, inputs: list[str | Path]) -> None:
    """Refuse an output that is one of the command's input files (by name, link or hard link)."""
    for source in inputs:
        if same_file(Path(source), Path(path)):
            raise UsageError(f"plan-editor {command}: {path} is an input file; choose another output file")


def same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop (Path.resolve)
        return False
