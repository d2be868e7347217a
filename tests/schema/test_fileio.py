import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from schema import fileio
from schema.fileio import PlanFileError, dump_plan, load_plan, save_plan
from schema.jsonschema import SCHEMA_PATH, render
from schema.model import Paragraph, Period, PlanDocument, Revision
from tests.paths import SAMPLE
from tests.schema.plans import plan_documents, small_content


def make_plan() -> PlanDocument:
    content = small_content()
    return PlanDocument(
        title="高雄市政府108至111年度中程施政計畫理念",
        organisation="高雄市政府",
        period=Period(start=108, end=111),
        revisions=[Revision(label="109年修正版", content=content)],
        draft=Revision(content=content.model_copy(deep=True)),
    )


def snapshot(folder: Path) -> dict:
    """Every file in a folder with its bytes and mtime: proves a failed load or save changed nothing."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir()) if p.is_file()}


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture], deadline=None)
@given(plan_documents())
def test_save_load_round_trip_is_identity(tmp_path, plan):
    path = tmp_path / "p.plan.json"
    save_plan(plan, path)
    assert load_plan(path) == plan
    first = path.read_bytes()
    save_plan(load_plan(path), path)
    assert path.read_bytes() == first


def test_the_file_is_pretty_utf8_with_fixed_key_order(tmp_path):
    path = tmp_path / "p.plan.json"
    save_plan(make_plan(), path)
    text = path.read_text(encoding="utf-8")
    assert "高雄市政府" in text  # real characters, not \\u escapes: diffs are readable
    assert text.startswith('{\n  "format_version": 2,\n  "title": "高雄市政府108至111年度中程施政計畫理念",')
    assert text.endswith("}\n")
    assert list(json.loads(text)) == ["format_version", "title", "organisation", "period", "numbering_style", "revisions", "draft", "proposals"]


def test_saving_re_validates_what_list_appends_bypassed(tmp_path):
    plan = make_plan()
    plan.draft.content.preface.paragraphs.append(Paragraph(id="p1", text="重複的 id"))
    path = tmp_path / "p.plan.json"
    with pytest.raises(PlanFileError, match=r"was not saved: the plan is invalid at draft\.content: the id 'p1' is used by more than one item"):
        save_plan(plan, path)
    assert not path.exists()


def test_a_failed_save_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    path = tmp_path / "p.plan.json"
    save_plan(make_plan(), path)
    before = snapshot(tmp_path)

    def full_disk(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", full_disk)
    plan = make_plan()
    plan.title = "改過的標題"
    with pytest.raises(PlanFileError) as info:
        save_plan(plan, path)
    assert str(info.value) == f"{path} was not saved: No space left on device."
    assert snapshot(tmp_path) == before


def test_save_into_a_missing_folder_says_so(tmp_path):
    path = tmp_path / "missing" / "p.plan.json"
    with pytest.raises(PlanFileError, match=r"p\.plan\.json was not saved: No such file or directory\."):
        save_plan(make_plan(), path)


BAD_INPUTS = {
    "not JSON": (b"hello, plan", "{f} is not valid JSON: expecting value at line 1, column 1."),
    "wrong shape": (b"[1, 2, 3]", "{f} is JSON but not a plan file (it has no format_version)."),
    "foreign object": (b'{"name": "package.json"}', "{f} is JSON but not a plan file (it has no format_version)."),
    "newer version": (
        b'{"format_version": 7, "title": "x"}',
        "{f} was written by a newer version of the editor (format 7; this one reads up to 2): please update the editor.",
    ),
    "unknown old version": (b'{"format_version": 0}', "{f} has an invalid format_version 0."),
    "version as text": (b'{"format_version": "1"}', "{f} has an invalid format_version '1'."),
    "empty": (b"", "{f} is empty, not a plan file."),
    "not UTF-8": ("計畫".encode("big5"), "{f} is not UTF-8 text (bad byte at offset 0), so it is not a plan file."),
    "missing field": (
        b'{"format_version": 1, "title": "x"}',
        "{f} is not a valid plan: at period: Field required.",
    ),
    "wrong type deep inside": (
        json.dumps({"format_version": 1, "title": "x", "period": {"start": 108, "end": 111},
                    "draft": {"content": {"focus": {"focus_areas": [{"title": 5}]}}}}).encode(),
        "{f} is not a valid plan: at draft.content.focus.focus_areas[0].title: Input should be a valid string.",
    ),
    "unknown field": (
        b'{"format_version": 1, "title": "x", "period": {"start": 108, "end": 111}, "colour": "red"}',
        "{f} is not a valid plan: at colour: Extra inputs are not permitted.",
    ),
    "period backwards": (
        b'{"format_version": 1, "title": "x", "period": {"start": 111, "end": 108}}',
        "{f} is not a valid plan: at period: the period ends (108) before it starts (111).",
    ),
}


@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input_gives_one_sentence_and_changes_nothing(tmp_path, case):
    payload, expected = BAD_INPUTS[case]
    path = tmp_path / "bad.plan.json"
    path.write_bytes(payload)
    before = snapshot(tmp_path)
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(info.value) == expected.format(f=path)
    assert "\n" not in str(info.value)
    assert snapshot(tmp_path) == before


def test_a_truncated_file_is_called_truncated(tmp_path):
    path = tmp_path / "p.plan.json"
    save_plan(make_plan(), path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(PlanFileError, match=r"p\.plan\.json ends unexpectedly at line \d+: the file is truncated or incomplete\.$"):
        load_plan(path)


def test_a_folder_a_missing_file_and_an_impossible_path(tmp_path):
    with pytest.raises(PlanFileError, match=f"^{tmp_path} is a folder, not a plan file.$"):
        load_plan(tmp_path)
    with pytest.raises(PlanFileError, match=r"nothing\.plan\.json does not exist\.$"):
        load_plan(tmp_path / "nothing.plan.json")
    a_file = tmp_path / "file.txt"
    a_file.write_text("x")
    with pytest.raises(PlanFileError, match=r"file\.txt/p\.plan\.json cannot be read: Not a directory\.$"):
        load_plan(a_file / "p.plan.json")


def test_an_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "p.plan.json"
    save_plan(make_plan(), path)

    def denied(*_args):
        raise PermissionError(13, "Permission denied")

    # Tests run as root in CI, where chmod 000 does not stop reading; simulate the refusal instead.
    monkeypatch.setattr(fileio.file_limits.os, "open", denied)
    with pytest.raises(PlanFileError, match=r"p\.plan\.json cannot be read: permission denied\.$"):
        load_plan(path)


def test_a_2_gb_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.plan.json"
    with open(path, "wb") as handle:
        handle.truncate(2 * 1024**3)  # sparse: takes no disk space
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(info.value) == f"{path} is too large to be a plan (2.0 GB; at most 64 MB)."
    assert path.stat().st_size == 2 * 1024**3


def test_migrations_run_in_order_before_validation(monkeypatch):
    calls = []

    def v1_to_v2(data):
        calls.append(("1→2", data["format_version"]))
        data["plan_title"] = data.pop("title")
        return data

    def v2_to_v3(data):
        calls.append(("2→3", data["format_version"]))
        data["title"] = data.pop("plan_title") + "（已轉換）"
        return data

    monkeypatch.setattr(fileio, "FORMAT_VERSION", 3)
    monkeypatch.setattr(fileio, "MIGRATIONS", {1: v1_to_v2, 2: v2_to_v3})
    result = fileio.migrate({"format_version": 1, "title": "舊計畫"})
    assert calls == [("1→2", 1), ("2→3", 2)]
    assert result == {"format_version": 3, "title": "舊計畫（已轉換）"}
    monkeypatch.setattr(fileio, "MIGRATIONS", {2: v2_to_v3})
    with pytest.raises(PlanFileError, match="^old.plan.json uses format 1, which this editor cannot convert.$"):
        fileio.migrate({"format_version": 1}, "old.plan.json")


def test_the_committed_json_schema_is_current():
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render(), "run: python -m schema.jsonschema"


def test_revision_lookup_names_the_known_labels():
    plan = make_plan()
    assert plan.revision("109年修正版").label == "109年修正版"
    with pytest.raises(KeyError, match="no revision labelled '110年' \\(known: 109年修正版\\)"):
        plan.revision("110年")
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念（109年修正版）"
    assert dump_plan(plan).count('"label": "109年修正版"') == 1


def test_a_file_cut_anywhere_is_called_truncated(tmp_path):
    path = tmp_path / "p.plan.json"
    save_plan(make_plan(), path)
    data = path.read_bytes()
    for cut in range(1, len(data) - 1, 7):
        path.write_bytes(data[:cut])
        with pytest.raises(PlanFileError) as info:
            load_plan(path)
        message = str(info.value)
        assert message.startswith(str(path)) and "\n" not in message
        assert message.endswith(": the file is truncated or incomplete."), message


def test_a_new_plan_file_gets_the_usual_permissions_and_an_existing_one_keeps_its_own(tmp_path):
    old_mask = os.umask(0o022)
    try:
        path = tmp_path / "new.plan.json"
        save_plan(make_plan(), path)
        assert path.stat().st_mode & 0o777 == 0o644
        os.chmod(path, 0o640)
        save_plan(make_plan(), path)
        assert path.stat().st_mode & 0o777 == 0o640
    finally:
        os.umask(old_mask)


def test_actions_deeper_than_the_ladder_are_refused_on_load(tmp_path):
    plan = make_plan().model_dump(mode="json")
    action = plan["draft"]["content"]["focus"]["focus_areas"][0]["strategies"][0]["actions"][0]
    action["actions"][0]["actions"] = [{"kind": "action", "id": "deep", "text": "第三層"}]
    path = tmp_path / "deep.plan.json"
    path.write_text(json.dumps(plan, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(PlanFileError) as info:
        load_plan(path)
    assert str(info.value) == (
        f"{path} is not a valid plan: at draft.content.focus.focus_areas[0].strategies[0]: "
        "actions nest at most two levels (1. and （1）), but a sub-action holds more."
    )


def test_a_format_1_file_opens_with_the_default_numbering_and_no_proposals(tmp_path):
    data = json.loads(SAMPLE.read_text(encoding="utf-8"))
    data["format_version"] = 1
    del data["numbering_style"], data["proposals"]
    old = tmp_path / "old.plan.json"
    old.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    plan = load_plan(old)
    assert plan.format_version == 2
    assert (plan.numbering_style.section, plan.numbering_style.action) == ("{壹}、", "{1}.")
    assert plan.proposals == []


def test_a_numbering_template_needs_exactly_one_placeholder():
    from pydantic import ValidationError

    from schema.model import NumberingStyle

    assert NumberingStyle(action="{1}、").action == "{1}、"
    with pytest.raises(ValidationError, match="exactly one of"):
        NumberingStyle(action="1.")
