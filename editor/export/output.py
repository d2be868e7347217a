"""Writing an export to disk: atomically, with the permissions a new file would normally get."""
from __future__ import annotations

from pathlib import Path

from schema.file_reading import write_atomically  # not schema.fileio: a table from plain data never loads the models


def save_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically; raise schema.fileio.PlanFileError if it cannot be written."""
    write_atomically(path, payload)
