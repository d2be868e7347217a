"""A plan file read and fully validated into plain data, without pydantic's Python layer or the models.

For commands that only read (``plan-editor revisions``): importing pydantic and building the
plan's model classes cost more than validating a 5,000-node plan. pydantic-core validates the
bytes by ``schema.plain_schema``, the models' own schema turned to produce dictionaries and lists
(generated from them, with the same validators from ``schema.rules``), so a file is accepted or
refused by the same rules as ``schema.fileio.load_plan``. Whatever this fast path refuses, or a
file of an older format, goes to ``load_plan``'s careful path, which words the problem (the same
sentence as everywhere) or migrates the file; ``tests/schema/test_plain_read.py`` proves that the
two agree on valid, mutated and broken files.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic_core import SchemaValidator, ValidationError

from schema.file_limits import MAX_OBJECTS
from schema.file_reading import CURRENT_HEADER, collector_paused, read_plan_bytes
from schema.plain_schema import SCHEMA

_validator: list[SchemaValidator] = []  # built on first use (0.3 ms), once per process


def plan_validator() -> SchemaValidator:
    if not _validator:
        _validator.append(SchemaValidator(SCHEMA))
    return _validator[0]


def read_plan_data(path: str | os.PathLike) -> dict[str, Any]:
    """The plan in ``path`` as plain data (every field present, as a loaded PlanDocument holds it);
    PlanFileError with one sentence naming the file and the problem otherwise (schema.fileio)."""
    path = Path(path)
    raw_bytes, _stat = read_plan_bytes(path)
    if raw_bytes.startswith(CURRENT_HEADER) and raw_bytes.count(b"{") <= MAX_OBJECTS:
        try:
            with collector_paused():
                data: dict[str, Any] = plan_validator().validate_json(raw_bytes)
            return data
        except ValidationError:
            pass
    from schema.fileio import parse_plan  # here: the models are only built for a file the fast path refused

    plan = parse_plan(raw_bytes, str(path))
    with collector_paused():
        data = plan_validator().validate_python(plan.model_dump())
    return data


def revision_data(plan: dict[str, Any], label: str) -> Any:
    """The revision of plain ``plan`` labelled ``label`` (the draft answers to its own label too); KeyError
    with the sentence ``PlanDocument.revision`` says otherwise."""
    for revision in plan["revisions"]:
        if revision["label"] == label:
            return revision
    draft = plan["draft"]
    if draft["label"] == label:
        return draft
    known = "、".join([r["label"] for r in plan["revisions"]] + ([draft["label"]] if draft["label"] else []))
    raise KeyError(f"no revision labelled {label!r} (known: {known or 'none'})")
