"""The validated read into plain data (schema.plain_read) against the models' loader (schema.fileio).

One definition of the rules: the schema it validates by is generated from the models (and must be
what they make today), and on any file, valid, older, mutated or broken, both paths accept or
refuse it alike, with the same sentence and the same data.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from itertools import count
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from schema import plain_schema_make
from schema.fileio import PlanFileError, dump_plan, load_plan
from schema.model import PlanDocument
from schema.plain_read import plan_validator, read_plan_data
from tests.fuzz.mutants import PLAN_MUTATIONS, base_plan, dump
from tests.paths import ROOT
from tests.schema.plans import plan_documents

BASE = base_plan()


def test_the_generated_schema_is_what_the_models_make_today():
    assert plain_schema_make.TARGET.read_text(encoding="utf-8") == plain_schema_make.source(), \
        "run: python -m schema.plain_schema_make"


def test_reading_a_valid_plan_imports_neither_pydantic_nor_the_models(tmp_path):
    path = tmp_path / "plan.plan.json"
    path.write_bytes(dump(BASE))
    script = ("import sys; from schema.plain_read import read_plan_data; data = read_plan_data(sys.argv[1]); "
              "print(data['title'], len(data['revisions']), sorted(m for m in sys.modules "
              "if m.split('.')[0] == 'pydantic' or m.startswith(('schema.model', 'schema.fileio'))))")
    out = subprocess.run([sys.executable, "-c", script, str(path)], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out == f"{BASE['title']} 1 []\n"


def outcome(read, source):
    """What one path makes of the file: ("ok", plain data) or ("refused", the sentence or pydantic's error type)."""
    ids = count()
    fresh = mock.Mock(side_effect=lambda: mock.Mock(hex=f"{next(ids):032x}"))  # new ids, the same on both paths
    try:
        with mock.patch("uuid.uuid4", fresh):
            result = read(source)
    except PlanFileError as exc:
        return "refused", str(exc), exc.code
    except ValidationError:
        return ("refused",)
    if isinstance(result, PlanDocument):
        return "ok", plan_validator().validate_python(result.model_dump())
    return "ok", result


def assert_agree(raw: bytes) -> tuple:
    # The two validators alone: the plain one accepts exactly what the models' accept, and reads the same data
    # (so the fast path never hands a file to the careful path that the models would have read directly).
    assert outcome(plan_validator().validate_json, raw) == outcome(PlanDocument.model_validate_json, raw)
    # The two readers, end to end: the same data, or the same sentence naming the file.
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mutant.plan.json"
        path.write_bytes(raw)
        by_models, plain = outcome(load_plan, path), outcome(read_plan_data, path)
    assert plain == by_models
    if plain[0] == "ok":  # and the plain data is that plan, field for field
        assert PlanDocument.model_validate(plain[1]) == PlanDocument.model_validate(by_models[1])
    return plain


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=plan_documents(), older_format=st.booleans())
def test_valid_plans_give_the_same_data_on_both_paths(plan, older_format):
    text = dump_plan(plan)
    if older_format:  # format 1 is migrated by the careful path, then read the same
        text = text.replace('"format_version": 2,', '"format_version": 1,', 1)
    result = assert_agree(text.encode("utf-8"))
    assert result[0] == "ok"
    assert result[1]["title"] == plan.title and len(result[1]["draft"]["content"]["focus"]["focus_areas"]) == \
        len(plan.draft.content.focus.focus_areas)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(PLAN_MUTATIONS)), seed=st.integers(0, 2**32))
def test_mutated_plans_are_accepted_or_refused_alike(kind, seed):
    assert_agree(PLAN_MUTATIONS[kind](random.Random(seed), BASE))


def test_fixed_mutants_hold_both_accepted_and_refused_files():
    """The mutants above are no vacuous test: a fixed sample of them holds files of both kinds."""
    rng = random.Random(17)
    results = [assert_agree(PLAN_MUTATIONS[kind](rng, BASE))[0] for kind in sorted(PLAN_MUTATIONS) for _ in range(3)]
    assert (results.count("ok"), results.count("refused")) == (11, 31)


def _broken(change) -> bytes:
    data = json.loads(dump(BASE))
    change(data)
    return dump(data)


def _nest_three_levels(data):
    action = data["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]["actions"][0]
    action["actions"] = [{"kind": "action", "id": "sub1", "text": "x", "actions": [{"kind": "action", "id": "sub2", "text": "y"}]}]


def test_each_rule_refuses_alike_with_the_same_sentence():
    """Every function of schema.rules, broken on purpose: refused by both paths, in the same words."""
    cases = {
        "ids_are_unique": lambda d: [goal.update(id="g1") for goal in d["draft"]["content"]["goals"]["goals"][:2]],
        "actions_nest_two_levels": _nest_three_levels,
        "period_ordered": lambda d: d.update(period={"start": 111, "end": 108}),
        "one_placeholder": lambda d: d.update(numbering_style={"section": "{壹}{一}"}),
        "labels_are_unique": lambda d: d["revisions"].append(dict(d["revisions"][0], id="again")),
        "str_max_length": lambda d: d.update(organisation="字" * 100_001),
        "extra_fields": lambda d: d["draft"].update(colour="red"),
    }
    sentences = {name: assert_agree(_broken(change))[1].replace(tempfile.gettempdir(), "TMP") for name, change in cases.items()}
    assert {name: sentence.split(" is not a valid plan: ", 1)[1] for name, sentence in sentences.items()} == {
        "ids_are_unique": "at draft.content: the id 'g1' is used by more than one item.",
        "actions_nest_two_levels": "at draft.content.focus.focus_areas[0].strategies[0]: actions nest at most two levels "
                                   "(1. and （1）), but a sub-action holds more.",
        "period_ordered": "at period: the period ends (108) before it starts (111).",
        "one_placeholder": "at numbering_style.section: a numbering template holds exactly one of {壹}, {一} or {1} and is short, "
                           "not '{壹}{一}'.",
        "labels_are_unique": "at the top level: the revision label '109年修正版' is used twice.",
        "str_max_length": "at organisation: String should have at most 100000 characters.",
        "extra_fields": "at draft.colour: Extra inputs are not permitted.",
    }

