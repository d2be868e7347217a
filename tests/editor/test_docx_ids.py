"""Node ids in the exported Word documents: every field's text between its bookmark pe_<id>_<field>,
in the official and the tracked-changes document, and still there after LibreOffice saves the file."""
from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as hs
from lxml import etree

from editor.docx_ids import bookmark_name, bookmarked_texts, parse_bookmark_name, parse_position_field, position_field
from editor.export.amendments import write_tracked_document
from editor.export.official_docx import write_official_docx
from editor.export.textclean import clean_text
from schema.compare import compare
from schema.fileio import load_plan
from schema.model import PlanContent
from schema.tree import walk
from tests.editor.test_tracked_docx import resolve
from tests.paths import DEMO, SAMPLE

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# The preface opens the document without a heading; the goals are named in it and drawn in the chart,
# so only a goal with a text of its own is printed (official_docx.printed_goal).
NOT_PRINTED = {("preface", "title"), ("goals_section", "title")}


def document_root(path: Path):
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def expected_fields(content: PlanContent) -> dict[tuple[str, str], str]:
    """{(node id, field): the text a reader finds between its bookmark} for every printed field."""
    out = {}
    for node, _parent in walk(content):
        for field in ("title", "body", "text"):
            value = getattr(node, field, None)
            if value is None or (node.kind, field) in NOT_PRINTED or (node.kind == "goal" and not node.body.strip()):
                continue
            value = clean_text(value)
            if field == "body" or node.kind == "paragraph":  # one paragraph per non-blank line
                value = "\n".join(line.strip() for line in value.split("\n") if line.strip())
            if value:
                out[(node.id, field)] = value
    return out


def text_marks(found: dict, content: PlanContent) -> dict:
    """``found`` without the empty bookmarks of the goals drawn only in the chart."""
    return {key: text for key, text in found.items() if not key[1].startswith("goal") and key[0] != content.goals.id}


def test_names_follow_the_convention():
    assert bookmark_name("3f2a9c01b7de", "title") == "pe_3f2a9c01b7de_title"
    assert parse_bookmark_name("pe_3f2a9c01b7de_body") == ("3f2a9c01b7de", "body")
    assert parse_bookmark_name("pe_my_id_text") == ("my_id", "text")  # the field is after the last underscore
    assert [position_field("goal", k) for k in (0, 1, 25, 26, 27)] == ["goala", "goalb", "goalz", "goalba", "goalbb"]
    assert all(parse_position_field("goal", position_field("goal", k)) == k for k in range(2000))
    assert parse_position_field("goal", "title") is None and parse_position_field("goal", "goal") is None
    assert bookmark_name("x" * 32, "title") is None  # 3 + 32 + 1 + 5 = 41 characters: one too many
    assert bookmark_name("x" * 31, "title") == "pe_" + "x" * 31 + "_title"  # 40: Word's limit
    assert bookmark_name("a-b", "title") is None and bookmark_name("標題", "title") is None
    for other in ("_Toc123456", "_GoBack", "pe_", "pe__title", "pe_abc_", "pe_abc_Title", "pe_a.b_title", "x" * 41):
        assert parse_bookmark_name(other) is None, other


@given(hs.text(alphabet="abcdefABC0123_-.字", min_size=1, max_size=45), hs.sampled_from(["title", "body", "text"]))
def test_every_name_made_parses_back(node_id, field):
    name = bookmark_name(node_id, field)
    if name is not None:
        assert len(name) <= 40
        assert parse_bookmark_name(name) == (node_id, field)


@pytest.fixture(scope="module")
def official(tmp_path_factory):
    plan = load_plan(SAMPLE)
    return plan, write_official_docx(plan, None, tmp_path_factory.mktemp("ids") / "official.docx")


def test_every_field_of_the_official_document_is_bookmarked_with_its_text(official):
    plan, path = official
    root = document_root(path)
    found = bookmarked_texts(root)
    expected = expected_fields(plan.draft.content)
    assert len(expected) == 88  # 28 strategy titles, 15 bodies, 27 actions, 11 paragraphs, 5 focus areas, 壹 and 貳
    # Goals shown only in the chart: empty bookmarks before its picture, naming each goal's place.
    goals = plan.draft.content.goals
    assert {key: found.pop(key) for key in list(found) if key[1].startswith("goal") or key[0] == goals.id} == {
        (goals.id, "title"): "", **{(goal.id, f"goal{'abcd'[k]}"): "" for k, goal in enumerate(goals.goals)}}
    assert found == expected
    strategy = plan.draft.content.focus.focus_areas[0].strategies[0]
    assert found[(strategy.id, "title")] == "推動橋頭科學園區"  # the number （一） stays outside
    ids = [el.get(f"{W}id") for el in root.iter(f"{W}bookmarkStart", f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def test_every_field_of_the_tracked_document_is_bookmarked(tmp_path):
    plan = load_plan(DEMO)
    old, new = plan.revisions[-1], plan.draft
    path = write_tracked_document(compare(old.content, new.content), plan, old, plan, new, tmp_path / "t.docx")
    root = document_root(path)
    expected = expected_fields(new.content)
    found = bookmarked_texts(root)
    assert set(expected) <= set(found)
    # What is bookmarked for a deleted item is an item the newer version no longer has.
    new_ids = {node.id for node, _ in walk(new.content)}
    old_ids = {node.id for node, _ in walk(old.content)}
    extra = {key for key in text_marks(found, new.content) if key not in expected}
    assert extra and all(node_id in old_ids - new_ids for node_id, _field in extra)
    # After "accept all" each bookmark holds exactly the newer version's text.
    accepted = bookmarked_texts(resolve(root.find(f"{W}body"), accept=True))
    assert {key: accepted[key] for key in expected} == expected
    ids = [el.get(f"{W}id") for el in root.iter(f"{W}bookmarkStart", f"{W}ins", f"{W}del")]
    assert len(ids) == len(set(ids))


def libreoffice_resave(path: Path, tmp_path: Path) -> Path:
    out = tmp_path / "out"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "docx:MS Word 2007 XML",
         "--outdir", str(out), str(path)],
        check=True, capture_output=True, timeout=180,
    )
    return out / path.name


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_keeps_the_bookmarks(official, tmp_path):
    plan, path = official
    found = bookmarked_texts(document_root(libreoffice_resave(path, tmp_path)))
    assert text_marks(found, plan.draft.content) == expected_fields(plan.draft.content)
    assert len(found) == len(expected_fields(plan.draft.content)) + 1 + 4  # the goals' empty bookmarks too


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # CI installs it
def test_libreoffice_keeps_the_bookmarks_of_the_tracked_document(tmp_path):
    plan = load_plan(DEMO)
    old, new = plan.revisions[-1], plan.draft
    path = write_tracked_document(compare(old.content, new.content), plan, old, plan, new, tmp_path / "t.docx")
    before = bookmarked_texts(document_root(path))
    assert bookmarked_texts(document_root(libreoffice_resave(path, tmp_path))) == before
