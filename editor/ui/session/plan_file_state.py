"""What a plan file on disk looked like when the editor last read or wrote it, to notice when
another program (or a colleague on a shared drive) changed it since."""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from schema.fileio import read_plan_bytes


class FileChangedOnDiskError(Exception):
    """Saving would overwrite changes made to the file by someone else; ``str()`` is one sentence."""

    def __init__(self, path: Path, deleted: bool = False):
        self.path = path
        self.deleted = deleted
        if deleted:
            message = f"{path} was deleted or moved since it was opened; saving will create it again."
        else:
            message = f"{path} was changed on disk by another program since it was opened or last saved; saving would overwrite those changes."
        super().__init__(message)


@dataclass(frozen=True)
class Fingerprint:
    """What a plan file looked like when we last read or wrote it."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, payload: bytes, stat: os.stat_result) -> Fingerprint:
        return cls(len(payload), stat.st_mtime_ns, sha256(payload))

    def to_json(self) -> dict:
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}


def sha256(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


def read_plan_file(path: Path) -> tuple[bytes, os.stat_result]:
    """A plan file's bytes and stat, read once (the same bytes are parsed, hashed and kept as base).

    Errors are the foundation's one-sentence PlanFileError (size cap, no devices or FIFOs).
    """
    return read_plan_bytes(path)


def disk_state(path: Path, fingerprint: Fingerprint, *, thorough: bool) -> tuple[str, Fingerprint]:
    """'same', 'changed' or 'missing' compared with the file as last read or written.

    Size and mtime first (cheap); the hash decides when they differ (a touch is not a change)
    and, when ``thorough``, also when they agree (a same-size edit within one mtime tick).
    Returns the fingerprint refreshed with the new mtime when only the mtime moved.
    """
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        return "missing", fingerprint
    except OSError:
        return "changed", fingerprint
    if stat.st_size == fingerprint.size and stat.st_mtime_ns == fingerprint.mtime_ns and not thorough:
        return "same", fingerprint
    try:
        payload = path.read_bytes()
    except OSError:
        return "changed", fingerprint
    if sha256(payload) != fingerprint.sha256:
        return "changed", fingerprint
    return "same", Fingerprint.of(payload, stat)
