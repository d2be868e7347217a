"""Writing an export to disk: atomically, with the permissions a new file would normally get."""
from __future__ import annotations

from pathlib import Path

from schema.fileio import write_atomically


def save_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically; raise schema.fileio.PlanFileError if it cannot be written."""
    write_atomically(path, payload)
