"""plan-editor git-setup [REPO]: let git merge and diff plan files through the plan editor.

Writes, in the repository's own configuration (drivers are per clone, never committed):

    merge.plan.name    = plan-editor three-way merge
    merge.plan.driver  = <this plan-editor> merge %O %A %B -o %A
    diff.plan.textconv = <this plan-editor> textconv

and adds ``*.plan.json merge=plan diff=plan`` to the repository's ``.gitattributes`` (which is
committed, so colleagues' clones agree on it). The command is written with the absolute path of
the running plan-editor, so the driver works from any shell, IDE or GUI git client, whatever its
PATH. Run it again after moving the program; it replaces its own lines and keeps everything else.
"""
from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from editor.commands import UsageError

ATTRIBUTES_LINE = "*.plan.json merge=plan diff=plan"


def run(args) -> int:
    git = shutil.which("git")
    if git is None:
        raise UsageError("plan-editor git-setup: git is not installed (see scripts/setup.sh)")
    repo = Path(args.repo or ".")
    if not repo.exists():
        raise UsageError(f"{repo} does not exist.")
    if not repo.is_dir():
        raise UsageError(f"{repo} is not a folder.")
    top = subprocess.run([git, "-C", str(repo), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
    if top.returncode != 0:
        raise UsageError(f"{repo} is not inside a git repository (git init makes one).")
    root = Path(top.stdout.strip())
    program = program_command()
    settings = {
        "merge.plan.name": "plan-editor three-way merge",
        "merge.plan.driver": f"{program} merge %O %A %B -o %A",
        "diff.plan.textconv": f"{program} textconv",
    }
    for key, value in settings.items():
        subprocess.run([git, "-C", str(root), "config", key, value], check=True)
    attributes = root / ".gitattributes"
    existing = attributes.read_text(encoding="utf-8").splitlines() if attributes.exists() else []
    if ATTRIBUTES_LINE not in existing:
        attributes.write_text("\n".join([*existing, ATTRIBUTES_LINE]) + "\n", encoding="utf-8")
    print(f"git-setup: {root}: plan files (*.plan.json) now merge and diff through {program}")
    print(f"git-setup: commit {attributes.name} so that your colleagues' clones use it too; each clone runs git-setup once")
    return 0


def program_command() -> str:
    """The running plan-editor as a shell command with absolute paths."""
    launcher = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if launcher is not None and launcher.name.startswith("plan-editor") and launcher.exists():
        return shlex.quote(str(launcher.resolve()))
    return f"{shlex.quote(sys.executable)} -m editor"
