"""The saved file ``*.plan.json``: loading with migrations and clear errors, atomic saving.

Loading never raises anything but :class:`PlanFileError`, whose message is one sentence naming
the file and the place of the problem; it never writes. Saving writes a temporary file beside
the target, flushes and fsyncs it, then renames it over the target, so a crash or a full disk
leaves either the old file or the new one, never half of one.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from pydantic import ValidationError

from schema import file_limits
from schema.file_limits import MAX_OBJECTS, LimitError
from schema.file_reading import CURRENT_HEADER, PlanFileError, collector_paused, read_plan_bytes
from schema.file_reading import write_atomically as write_atomically  # re-exported: its home is file_reading
from schema.model import FORMAT_VERSION, PlanDocument

# Migrations: MIGRATIONS[n] turns raw data of format_version n into format_version n + 1.
# Plain dict → dict functions, run before validation (never inside validators).
MIGRATIONS: dict[int, Callable[[dict], dict]] = {
    1: lambda data: data,  # 1 → 2 added numbering_style and proposals, both with defaults
}


def load_plan(path: str | os.PathLike) -> PlanDocument:
    path = Path(path)
    raw_bytes, _stat = read_plan_bytes(path)
    return parse_plan(raw_bytes, str(path))


def parse_plan(raw_bytes: bytes, name: str) -> PlanDocument:
    """Parse the bytes of a plan file; ``name`` is used in messages."""
    if raw_bytes.startswith(CURRENT_HEADER) and raw_bytes.count(b"{") <= MAX_OBJECTS:
        # Fast path for files this version wrote: pydantic parses the bytes directly (about 2.5×
        # faster than json.loads + validation). Any problem falls through to the careful path,
        # which finds the precise message.
        try:
            with collector_paused():
                return PlanDocument.model_validate_json(raw_bytes)
        except ValidationError:
            pass
    if not raw_bytes.strip():
        raise PlanFileError(f"{name} is empty, not a plan file.", "empty", name=name)
    try:
        text = raw_bytes.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data":
            raise PlanFileError(f"{name} ends in the middle of a character: the file is truncated or incomplete.",
                                "truncated", name=name) from None
        raise PlanFileError(f"{name} is not UTF-8 text (bad byte at offset {exc.start}), so it is not a plan file.",
                            "not_utf8", name=name, offset=exc.start) from None
    try:
        file_limits.check_structure(raw_bytes)
        with collector_paused():
            data = json.loads(
                text,
                parse_int=file_limits.parse_int,
                parse_float=file_limits.parse_float,
                parse_constant=file_limits.parse_constant,
            )
    except LimitError as exc:
        raise PlanFileError(f"{name} {exc}.", "limit", name=name) from None
    except json.JSONDecodeError as exc:
        if exc.pos >= len(text.rstrip()) or exc.msg.startswith("Unterminated string"):
            end_line = text.count("\n", 0, len(text.rstrip())) + 1
            raise PlanFileError(f"{name} ends unexpectedly at line {end_line}: the file is truncated or incomplete.",
                                "truncated", name=name, line=end_line) from None
        where = "" if exc.msg.endswith(" at") else " at"
        raise PlanFileError(f"{name} is not valid JSON: {exc.msg.lower()}{where} line {exc.lineno}, column {exc.colno}.",
                            "bad_json", name=name, line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict) or "format_version" not in data:
        raise PlanFileError(f"{name} is JSON but not a plan file (it has no format_version).", "not_a_plan", name=name)
    version = data["format_version"]
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PlanFileError(f"{name} has an invalid format_version {version!r}.", "bad_version", name=name, version=repr(version))
    if version > FORMAT_VERSION:
        raise PlanFileError(
            f"{name} was written by a newer version of the editor (format {version}; this one reads up to {FORMAT_VERSION}): please update the editor.",
            "newer_version", name=name, version=version, supported=FORMAT_VERSION,
        )
    if file_limits.may_hold_lone_surrogate(raw_bytes):
        place = file_limits.lone_surrogate_place(data)
        if place is not None:
            raise PlanFileError(
                f"{name} is not a valid plan: at {place}: the text holds a lone surrogate (\\ud800–\\udfff), "
                "half of a character that no file can store.",
                "broken_character", name=name,
            )
    data = migrate(data, name)
    try:
        with collector_paused():
            return PlanDocument.model_validate(data)
    except ValidationError as exc:
        raise PlanFileError(f"{name} is not a valid plan: {describe_validation_error(exc)}.", "invalid_plan", name=name,
                            **validation_params(exc)) from None


def migrate(data: dict, name: str = "the plan") -> dict:
    version = data["format_version"]
    while version < FORMAT_VERSION:
        step = MIGRATIONS.get(version)
        if step is None:
            raise PlanFileError(f"{name} uses format {version}, which this editor cannot convert.", "unconvertible", name=name, version=version)
        data = step(dict(data))
        version += 1
        data["format_version"] = version
    return data


def describe_validation_error(exc: ValidationError) -> str:
    """The first problem as 'at draft.content.focus.focus_areas[2].title: Input should be a valid string'."""
    error = exc.errors()[0]
    location = ""
    for part in error["loc"]:
        if isinstance(part, int):
            location += f"[{part}]"
        else:
            part = str(part)  # a key of the file: shown escaped when it holds a line end or a control character
            location += ("." if location else "") + (part if part.isprintable() else ascii(part))
    message = error["msg"]
    if message.startswith("Value error, "):
        message = message[len("Value error, "):]
    more = len(exc.errors()) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"at {location or 'the top level'}: {message}{suffix}"


def validation_params(exc: ValidationError) -> dict[str, object]:
    """The first problem's place (a list of field names and positions), pydantic's type of it and the count."""
    error = exc.errors()[0]
    return {"location": [part for part in error["loc"] if isinstance(part, str | int)], "problem": error["type"],
            "more": len(exc.errors()) - 1}


def dump_plan(plan: PlanDocument) -> str:
    """The file's text: pretty-printed JSON, keys in the models' fixed order, ending in a newline."""
    text = plan.model_dump_json(indent=2) + "\n"
    # Re-validate what is about to be written: appending to a list bypasses pydantic's
    # assignment validation, and this proves the file will load again.
    PlanDocument.model_validate_json(text)
    return text


def save_plan(plan: PlanDocument, path: str | os.PathLike) -> None:
    """Write atomically; raise PlanFileError (old file untouched) if it cannot be written."""
    path = Path(path)
    try:
        text = dump_plan(plan)
    except ValidationError as exc:
        raise PlanFileError(f"{path} was not saved: the plan is invalid {describe_validation_error(exc)}.", "invalid_to_save",
                            name=str(path), **validation_params(exc)) from None
    write_atomically(path, text.encode("utf-8"))


