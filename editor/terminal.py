"""What the command line prints can never crash it nor take over the terminal.

A plan's text comes from anyone: an ESC inside a title would let the file move the cursor,
recolour or retitle the terminal (escape-sequence injection); a carriage return could
overwrite what was printed before it; a right-to-left override could make a line read
differently from what it holds; and a character the terminal's encoding cannot show (a
Windows console in cp950, a pipe in ASCII) would raise UnicodeEncodeError. So every write to
stdout and stderr goes through :func:`printable`, which shows such characters as visible
escapes (``\\u001b``, ``\\u202e``), then through the stream's encoding with unshowable characters
replaced. :func:`one_line` also escapes line ends, for fields of one-line records and for
error messages, which are one line by contract (a file name may hold a newline).
"""
from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager

# C0 controls but tab and line feed, DEL and the C1 controls (U+009B is a one-byte CSI), the
# bidirectional embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    return f"\\u{ord(char):04x}"  # a JSON escape too: --json output stays valid JSON


def printable(text: str) -> str:
    """``text`` with control, bidi-override and surrogate characters shown as escapes; tabs and line ends kept."""
    return _UNSAFE.sub(_escape, text)


def one_line(text: str) -> str:
    """``text`` as one line: line ends (and tabs) escaped too."""
    return _UNSAFE_OR_NEWLINE.sub(_escape, text)


class SafeStream:
    """A text stream that writes :func:`printable` text, encodable in the underlying stream's encoding."""

    def __init__(self, stream):
        self._stream = stream
        self.encoding = getattr(stream, "encoding", None) or "utf-8"

    def write(self, text: str) -> int:
        safe = printable(text).encode(self.encoding, errors="replace").decode(self.encoding, errors="replace")
        self._stream.write(safe)
        return len(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name):  # isatty, fileno, buffer …: those of the real stream
        return getattr(self._stream, name)


@contextmanager
def safe_streams() -> Iterator[None]:
    """Route sys.stdout and sys.stderr through :class:`SafeStream` for the duration."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(saved[0]), SafeStream(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
