"""Writing a file so that a crash leaves the old file or the new one, never half of one.

The payload goes to a temporary file beside the target (``.NAME.<pid>-<random>.tmp``), is
flushed and fsynced, then renamed over the target. A process killed before the rename leaves
its temporary file behind; the next write of the same target (or the editor opening it)
removes those whose process is gone, so they do not pile up beside the plan.

``check`` makes the last moment count: when given, it is called with the bytes the target held
at the instant of the rename, and may raise to refuse the write (the editor raises when another
program changed the plan since it was opened). On Linux the rename is an atomic *exchange*
(renameat2 RENAME_EXCHANGE), so those bytes are exactly what was replaced, with no gap for
another writer; when they fail the check the exchange is undone, leaving the other program's
file in place. Elsewhere the target is read just before the rename.
"""
from __future__ import annotations

import ctypes
import os
import re
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

STALE_AFTER = 24 * 3600  # seconds: a temporary file of a live process older than this is abandoned too


def write_atomically(path: Path, payload: bytes, *, check: Callable[[bytes | None], None] | None = None) -> None:
    """Write ``payload`` to ``path`` atomically. OSError when the file system refuses; whatever
    ``check`` raises when it refuses (the target is then untouched and no temporary file stays)."""
    path = Path(path)
    if path.is_symlink():  # write through a link to the file it names, keeping the link
        path = Path(os.path.realpath(path))
    directory = path.parent if str(path.parent) else Path(".")
    remove_stale_temporaries(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.{os.getpid()}-", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); keep the target's mode, or give a new file the
        # mode any new file gets here (0666 less the umask), so colleagues can still read it.
        os.chmod(tmp_name, path.stat().st_mode & 0o7777 if path.exists() else 0o666 & ~_umask())
        if check is None:
            os.replace(tmp_name, path)
        elif _exchange(tmp_name, path):
            try:
                check(Path(tmp_name).read_bytes())  # what the target held at the instant of the exchange
            except BaseException:
                if not _exchange(tmp_name, path):  # theirs back in place; ours is removed below
                    os.replace(tmp_name, path)
                    tmp_name = None
                raise
            os.unlink(tmp_name)  # the version we replaced
        else:
            try:
                current = path.read_bytes()
            except FileNotFoundError:
                current = None
            check(current)
            os.replace(tmp_name, path)
        tmp_name = None
        _fsync_directory(directory)
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def temporary_pattern(path: Path) -> re.Pattern:
    return re.compile(re.escape(f".{path.name}.") + r"(\d+)-[A-Za-z0-9_]+\.tmp\Z")


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files of ours left beside ``path`` by a process that is gone (or a
    day old); return them. Files of live processes (a save in progress) are left alone."""
    path = Path(path)
    pattern = temporary_pattern(path)
    removed: list[Path] = []
    try:
        names = os.listdir(path.parent if str(path.parent) else ".")
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = pattern.match(name)
        if not match:
            continue
        candidate = path.with_name(name)
        try:
            old = now - candidate.lstat().st_mtime > STALE_AFTER
            if old or not _alive(int(match.group(1))):
                candidate.unlink()
                removed.append(candidate)
        except OSError:
            continue
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name != "posix":
        return True  # no cheap check: rely on the age
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100
_renameat2 = None
if os.name == "posix":
    try:
        _renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
        _renameat2.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint)
    except (AttributeError, OSError):
        _renameat2 = None


def _exchange(a: str | Path, b: str | Path) -> bool:
    """Swap two names atomically; False when the system cannot (no renameat2, a file system
    without exchange, ``b`` missing): the caller then falls back to check-then-rename."""
    if _renameat2 is None:
        return False
    result = _renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    return bool(result == 0)


def _umask() -> int:
    """The process umask, read without changing it where the system allows (os.umask alone would
    set it, briefly affecting files other threads create)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
