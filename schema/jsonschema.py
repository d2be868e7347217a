"""The JSON Schema of ``*.plan.json``, kept in the repository as ``schema/plan.schema.json``.

Regenerate with ``python -m schema.jsonschema``; a test fails when the committed file is stale.
"""
from __future__ import annotations

import json
from pathlib import Path

from schema.model import FORMAT_VERSION, PlanDocument

SCHEMA_PATH = Path(__file__).with_name("plan.schema.json")


def render() -> str:
    schema = PlanDocument.model_json_schema()
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"plan-editor/plan.schema.json#v{FORMAT_VERSION}",
        **schema,
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


if __name__ == "__main__":
    SCHEMA_PATH.write_text(render(), encoding="utf-8")
    print(f"wrote {SCHEMA_PATH}")
