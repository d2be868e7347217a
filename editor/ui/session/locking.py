"""The lock that tells a second editor that a plan is already open somewhere else.

The lock is a :class:`QLockFile` beside the plan (``.NAME.lock``), so that two people opening
the same plan on a shared drive see each other. When the plan's folder cannot hold a lock file
(a read-only share), the lock goes to the recovery folder instead, named after a hash of the
plan's absolute path, which still protects against a second editor on the same computer.

The lock is keyed by the file, not by the spelling of its path: the path is resolved (a
symbolic link locks its target), and a second lock in the recovery folder is named after the
file's device and inode, so a hard link to an open plan is seen as open too (on this computer).

Stale locks: Qt's default treats any lock older than 30 seconds as stale, which would let a
second editor steal the lock of a plan open all afternoon. The stale time is set to 0, so a
lock counts as stale only when its process is dead on this computer (Qt checks the pid and the
process name, so a reused pid is not mistaken for the editor). A lock held on another computer
is never broken automatically: the user is told who holds it.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLockFile

from schema.fileio import PlanFileError


@dataclass(frozen=True)
class LockHolder:
    """Who holds the lock of a plan: enough for a warning dialog."""

    pid: int
    hostname: str
    application: str
    lock_path: Path

    def describe(self) -> str:
        """One sentence for the user, e.g. 'python3.11 (process 4711) on the computer vm has it open'."""
        app = self.application or "another editor"
        where = f" on the computer {self.hostname}" if self.hostname else ""
        return f"{app} (process {self.pid}){where} has it open"


class PlanLockedError(PlanFileError):
    """Save As to a plan that another editor has open; ``holder`` says who (a LockHolder)."""

    def __init__(self, message: str, holder: LockHolder | None = None, **params: object) -> None:
        super().__init__(message, "locked", **params)
        self.holder = holder


def lock_path_beside(plan_path: Path) -> Path:
    return plan_path.parent / f".{plan_path.name}.lock"


def lock_path_in(directory: Path, plan_path: Path) -> Path:
    key = hashlib.sha256(str(plan_path).encode("utf-8")).hexdigest()[:16]
    return directory / f"plan-{key}.lock"


class PlanLock:
    """The lock of one plan file; ``acquire`` answers who else holds it when it cannot be taken."""

    def __init__(self, plan_path: Path, fallback_dir: Path | None):
        # The file itself, not the spelling of its path: a symbolic link and its target are one plan.
        self.plan_path = Path(os.path.realpath(plan_path))
        self.fallback_dir = fallback_dir
        self._lock: QLockFile | None = None
        self._identity: QLockFile | None = None

    @property
    def held(self) -> bool:
        return self._lock is not None and self._lock.isLocked()

    @property
    def lock_path(self) -> Path | None:
        return Path(self._lock.fileName()) if self._lock is not None else None

    def candidates(self) -> list[Path]:
        paths = [lock_path_beside(self.plan_path)]
        if self.fallback_dir is not None:
            paths.append(lock_path_in(self.fallback_dir, self.plan_path))
        return paths

    def acquire(self) -> LockHolder | None:
        """Take the lock; None when we hold it now, else who holds it.

        Also looks at the fallback location, so that an editor that had to lock in the recovery
        folder (plan folder read-only) is seen too.
        """
        if self.held:
            return None
        beside, *fallback = self.candidates()
        for path in fallback:
            if path.exists():
                # An editor that had to lock in the recovery folder: respect it.
                found = _try(path)
                if isinstance(found, LockHolder):
                    return found
                if found is not None:
                    found.unlock()  # a stale one, now removed
        found = _try(beside)
        if found is None:
            for path in fallback:
                path.parent.mkdir(parents=True, exist_ok=True)
                found = _try(path)
                if found is not None:
                    break
        if isinstance(found, LockHolder):
            return found
        # None here means neither place can hold a lock file: editing goes on unlocked
        # rather than being refused.
        identity = self.identity_lock_path()
        if identity is not None:
            taken = _try_making(identity)
            if isinstance(taken, LockHolder):
                if found is not None:
                    found.unlock()
                return taken
            self._identity = taken
        self._lock = found
        return None

    def identity_lock_path(self) -> Path | None:
        """The lock named after the file's identity (device and inode) in the recovery folder, so
        that two names of one file (hard links) are one plan on this computer too."""
        if self.fallback_dir is None:
            return None
        try:
            info = os.stat(self.plan_path)
        except OSError:
            return None  # a plan not written yet has no identity
        return self.fallback_dir / f"plan-file-{info.st_dev:x}-{info.st_ino:x}.lock"

    def release(self) -> None:
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None
        if self._identity is not None:
            self._identity.unlock()
            self._identity = None


def _try_making(path: Path) -> QLockFile | LockHolder | None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _try(path)


def _try(path: Path) -> QLockFile | LockHolder | None:
    """A locked QLockFile, or the holder, or None when no lock file can be made there."""
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.error() == QLockFile.LockError.LockFailedError:
        ok, pid, hostname, app = _info(lock)
        if ok:
            return LockHolder(pid=pid, hostname=hostname, application=app, lock_path=path)
        # Locked, but the file is unreadable (being written this instant): report an unknown holder.
        return LockHolder(pid=0, hostname="", application="", lock_path=path)
    return None


def _info(lock: QLockFile) -> tuple[bool, int, str, str]:
    info = lock.getLockInfo()
    # PySide6 returns (pid, hostname, appname) and an empty tuple-ish value when it fails.
    if isinstance(info, tuple) and len(info) == 3 and isinstance(info[0], int) and info[0] > 0:
        return True, info[0], info[1], info[2]
    if isinstance(info, tuple) and len(info) == 4 and info[0]:
        return True, info[1], info[2], info[3]
    return False, 0, "", ""
