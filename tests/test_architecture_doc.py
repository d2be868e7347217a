"""docs/architecture.md is the map of the repository: it names every folder, so none is left unexplained."""
import os
import subprocess
from pathlib import Path

from tests.paths import ROOT

DOC = ROOT / "docs" / "architecture.md"
SKIPPED = {".git", ".venv", "__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache",
           ".import_linter_cache", "build", "dist"}


def folders() -> set[str]:
    """Every folder holding a file of the repository (tracked, or new and not ignored)."""
    try:
        listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT,
                                capture_output=True, text=True, check=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):  # an unpacked archive without git
        listed = []
        for where, dirs, files in os.walk(ROOT):
            dirs[:] = [d for d in dirs if d not in SKIPPED and not d.endswith(".egg-info")]
            listed += [str(Path(where, f).relative_to(ROOT)) for f in files]
    found = set()
    for name in listed:
        parent = Path(name).parent
        while parent != Path("."):
            found.add(parent.as_posix())
            parent = parent.parent
    return found


def test_every_folder_of_the_repository_is_named_in_the_architecture_page():
    text = DOC.read_text("utf-8")
    missing = sorted(f for f in folders() if f"`{f}/`" not in text)
    assert missing == [], f"docs/architecture.md does not name these folders (add a row to its folder table): {missing}"


def test_the_architecture_page_names_the_layers_the_edit_path_and_the_pipelines():
    text = DOC.read_text("utf-8")
    for heading in ("## The layers", "## The one edit path", "## The saved file", "## The comparison pipeline",
                    "## The chart pipeline", "## Where each behaviour lives", "## Every folder"):
        assert heading in text
    for term in ("numbering_style", "proposals", "InsertRevision", "import-linter", "mypy"):
        assert term in text
