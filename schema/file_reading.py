"""Reading a plan file's bytes, writing a file atomically, and the error every reading and writing of a plan file raises.

Without pydantic: the command line's validated read path (``schema.plain_read``) starts here as
well as the models' loader (``schema.fileio``, which says the rest of the file's story).
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from schema import file_limits
from schema.coded_error import CodedError
from schema.file_limits import MAX_FILE_BYTES, LimitError
from schema.rules import FORMAT_VERSION

# How every file this version writes begins (schema.fileio.dump_plan): the fast paths take only these.
CURRENT_HEADER = b'{\n  "format_version": %d,' % FORMAT_VERSION


class PlanFileError(CodedError):
    """A plan file that cannot be read or written; ``str()`` is one English sentence (the CLI's).

    ``code`` names the problem and ``params`` its values (``name`` the file, then e.g. ``offset``,
    ``line``), so that the window says it in the interface's language (editor/ui/files/file_errors.py).
    An error raised with a message only has the code "".
    """


def read_plan_bytes(
    path: str | os.PathLike, *, limit: int = MAX_FILE_BYTES, what: str = "a plan", kind: str = "a plan file"
) -> tuple[bytes, os.stat_result]:
    """The bytes and stat of a plan file (or another input: ``what`` and ``kind`` name it), read once, at most
    ``limit`` bytes, never from a device, FIFO or socket; PlanFileError with one sentence otherwise."""
    path = Path(path)
    name = str(path)
    try:
        return file_limits.read_bounded(path, limit, what, kind)
    except LimitError as exc:
        raise PlanFileError(f"{name} {exc}.", "is_folder" if path.is_dir() else "limit", name=name) from None
    except FileNotFoundError:
        raise PlanFileError(f"{name} does not exist.", "not_found", name=name) from None
    except PermissionError:
        raise PlanFileError(f"{name} cannot be read: permission denied.", "permission_denied", name=name) from None
    except OSError as exc:
        raise PlanFileError(f"{name} cannot be read: {exc.strerror or exc}.", "unreadable", name=name) from None


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a plan's objects are made.

    Validating a big plan makes tens of thousands of objects, none of them garbage; meanwhile the
    collector would run many times and walk every live object of the program (the whole of Qt's
    and pydantic's modules) in its full passes: that was half of a 5,000-node plan's load time.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_atomically(path: Path, payload: bytes, *, check: Callable[[bytes | None], None] | None = None) -> None:
    """Atomic write (schema.atomic_write); a refusal of the file system is a PlanFileError, and
    whatever ``check`` raises (it sees what the target holds at the last moment) passes through."""
    from schema import atomic_write  # here, not at the top: reading a plan (every command) needs no ctypes or tempfile

    try:
        atomic_write.write_atomically(Path(path), payload, check=check)
    except OSError as exc:
        raise PlanFileError(f"{path} was not saved: {exc.strerror or exc}.", "not_saved", name=str(path),
                            errno=exc.errno or 0, winerror=getattr(exc, "winerror", 0) or 0) from None  # Windows: in use
