"""Writing an export to disk: atomically, with the permissions a new file would normally get."""
from __future__ import annotations

import os
from pathlib import Path

from schema.fileio import write_atomically


def save_bytes(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` atomically; raise schema.fileio.PlanFileError if it cannot be written."""
    existed = path.exists()
    write_atomically(path, payload)
    if not existed and os.name == "posix":
        # The temporary file was private (0600); a new export should be readable like any document.
        umask = os.umask(0)
        os.umask(umask)
        try:
            os.chmod(path, 0o666 & ~umask)
        except OSError:
            pass
