"""Bounds on what a plan file may be, checked before (or while) it is parsed.

A real plan is about 70 kB, 12 levels deep, with a few hundred objects and texts of a few
hundred characters; a generated plan of 5,000 nodes is 7 MB. The limits below are far above
both, and exist so that a hostile or broken file is refused with one sentence naming the limit
instead of exhausting the stack (deep nesting), Python's integer-string limit (huge numbers),
memory (devices such as /dev/zero) or patience (a FIFO nobody writes to).

Texts are limited in the models (``str_max_length``, checked by pydantic in its Rust core at
no cost), so the editor's input is held to the same bound as the file.
"""
from __future__ import annotations

import math
import os
import re
import stat
from pathlib import Path

MAX_FILE_BYTES = 64 * 1024 * 1024  # a generated plan of 5,000 nodes is 7 MB
MAX_DEPTH = 64  # a plan nests 12 levels deep
MAX_OBJECTS = 250_000  # JSON objects (nodes, KPIs, revisions …): 12,000 in the 5,000-node plan
MAX_NUMBER_CHARS = 100  # a number's literal: years and budgets have a dozen digits at most
MAX_TEXT_CHARS = 100_000  # one text field: a real paragraph is a few hundred characters

_STRING = re.compile(rb'"(?:[^"\\]++|\\.)*+"')  # possessive: linear, no backtracking
_NOT_BRACKET = bytes(b for b in range(256) if b not in b"[]{}")
_LONE_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class LimitError(Exception):
    """A file past one of the limits; ``str()`` is the end of a sentence that starts with the file's name."""


def read_bounded(path: Path, limit: int, what: str, kind: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file of at most ``limit`` bytes, and its stat.

    Devices, FIFOs and sockets are refused without being read (reading /dev/zero never ends,
    opening a FIFO waits for a writer). Raises OSError (to be worded by the caller) or
    LimitError. ``what`` names what the file should be ("a plan", "the text of a plan"), ``kind``
    what a folder is not ("a plan file", "a text file").
    """
    info = os.stat(path)
    refuse_special_file(info, kind)
    if info.st_size > limit:
        raise LimitError(f"is too large to be {what} ({_size(info.st_size)}; at most {_size(limit)})")
    # O_NONBLOCK: should the file have been replaced by a FIFO since the stat, open returns at once.
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        refuse_special_file(info, kind)
        payload = handle.read(limit + 1)  # a file growing while it is read is capped too
    if len(payload) > limit:
        raise LimitError(f"is too large to be {what} (more than {_size(limit)})")
    return payload, info


def refuse_special_file(info: os.stat_result, kind: str) -> None:
    """LimitError unless ``info`` is a regular file's: a folder is not ``kind``; a device, FIFO or socket is never read."""
    mode = info.st_mode
    if stat.S_ISDIR(mode):
        raise LimitError(f"is a folder, not {kind}")
    if stat.S_ISREG(mode):
        return
    kind = "a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a socket" if stat.S_ISSOCK(mode) else "a device"
    raise LimitError(f"is {kind}, not a regular file, so it was not read")


def check_structure(raw: bytes) -> None:
    """Refuse JSON nested deeper than MAX_DEPTH or holding more than MAX_OBJECTS objects,
    before the JSON decoder recurses into it. Strings are skipped (brackets in texts do not count)."""
    brackets = _STRING.sub(b"", raw).translate(None, _NOT_BRACKET)
    objects = brackets.count(b"{")
    if objects > MAX_OBJECTS:
        raise LimitError(f"holds {objects:,} JSON objects, more than the {MAX_OBJECTS:,} a plan file may hold")
    depth = 0
    for byte in brackets:
        if byte in b"[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise LimitError(f"is nested more than {MAX_DEPTH} levels deep (a plan file is at most {MAX_DEPTH})")
        else:
            depth -= 1


def parse_int(literal: str) -> int:
    """json.loads's parse_int: refuse a huge literal before int() meets Python's 4,300-digit limit."""
    if len(literal) > MAX_NUMBER_CHARS:
        raise LimitError(f"holds a number of {len(literal):,} digits (a plan's numbers have at most {MAX_NUMBER_CHARS})")
    return int(literal)


def parse_float(literal: str) -> float:
    if len(literal) > MAX_NUMBER_CHARS:
        raise LimitError(f"holds a number of {len(literal):,} characters (a plan's numbers have at most {MAX_NUMBER_CHARS})")
    value = float(literal)
    if not math.isfinite(value):
        raise LimitError(f"holds the number {literal[:20]}, too large to be stored")
    return value


def parse_constant(name: str) -> float:
    raise LimitError(f"holds {name}, which is not a number a plan may hold")


def may_hold_lone_surrogate(raw: bytes) -> bool:
    """Cheap pre-check: only a \\uD8xx–\\uDFxx escape can put a lone surrogate into decoded JSON."""
    return _LONE_SURROGATE_ESCAPE.search(raw) is not None


def lone_surrogate_place(data: object, place: str = "") -> str | None:
    """Where in decoded JSON (or an operation's value) a text holds a lone surrogate (half of a
    UTF-16 pair, which no file can store as UTF-8), as 'draft.content.preface.note'; None if nowhere."""
    if isinstance(data, str):
        return (place or "the top level") if _SURROGATE.search(data) else None
    if isinstance(data, dict):
        for key, value in data.items():
            inner = f"{place}.{key}" if place else str(key)
            if isinstance(key, str) and _SURROGATE.search(key):
                return place or "the top level"
            found = lone_surrogate_place(value, inner)
            if found:
                return found
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found = lone_surrogate_place(value, f"{place}[{index}]")
            if found:
                return found
    return None


def _size(size: int) -> str:
    if size >= 1024**3:
        return f"{size / 1024**3:.1f} GB"
    if size >= 1024**2:
        return f"{size / 1024**2:.0f} MB"
    return f"{size / 1024:.0f} kB" if size >= 1024 else f"{size} bytes"
