"""Each rule has one home in schema/: the kind table's field lists, the XML-invalid characters,
revision dates and the item count (docs/architecture.md, "where each behaviour lives")."""
import datetime

from hypothesis import given
from hypothesis import strategies as st

from schema.importer import import_text
from schema.revisions import date_is_valid, parse_date, revision_time
from schema.tree import KINDS, item_count, title_of, walk
from schema.xml_chars import INVALID_XML, has_invalid_xml, strip_invalid_xml
from tests.paths import SOURCE
from tests.schema.plans import small_content


def test_each_kind_names_its_fields_once_and_the_rest_is_derived():
    table = {kind: (spec.title_field, spec.fields, spec.string_fields, spec.compared, spec.children) for kind, spec in KINDS.items()}
    section = ("title", ("title", "note"), ("title", "note"), ("title",))
    assert table == {
        "preface": (*section, "paragraphs"),
        "goals_section": (*section, "goals"),
        "focus_section": (*section, "focus_areas"),
        "closing": (*section, "paragraphs"),
        "paragraph": ("text", ("text", "note"), ("text", "note"), ("text",), None),
        "goal": ("title", ("title", "body", "note"), ("title", "body", "note"), ("title", "body"), None),
        "focus_area": ("title", ("title", "body", "note"), ("title", "body", "note"), ("title", "body"), "strategies"),
        "strategy": (
            "title",
            ("title", "chart_label", "body", "lead_agencies", "supporting_agencies", "goal_ids", "kpis", "budget", "note"),
            ("title", "chart_label", "body", "note"),
            ("title", "chart_label", "body", "lead_agencies", "supporting_agencies", "kpis", "budget"),
            "actions",
        ),
        "action": ("text", ("text", "note"), ("text", "note"), ("text",), "actions"),
    }
    for spec in KINDS.values():  # every listed field is a field of the model, and only the list of children is left out
        assert set(spec.fields) | {"id", "kind", *([spec.children] if spec.children else [])} == set(spec.cls.model_fields)


invalid = st.sampled_from([chr(c) for c in [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xD800, 0xDBFF, 0xDFFF, 0xFFFE, 0xFFFF]])


@given(st.lists(st.one_of(st.text(st.characters(blacklist_categories=["Cs", "Cc"]), max_size=5), invalid), max_size=12))
def test_the_invalid_characters_are_removed_and_counted(pieces):
    text = "".join(pieces)
    cleaned, removed = strip_invalid_xml(text)
    kept = [c for c in text if not INVALID_XML.fullmatch(c)]
    assert cleaned == "".join(kept) and removed == len(text) - len(kept)
    assert not has_invalid_xml(cleaned) and has_invalid_xml(text) == (removed > 0)
    assert strip_invalid_xml("甲\t乙\n丙\r丁") == ("甲\t乙\n丙\r丁", 0)  # tab and line ends are layout, not invalid


def test_the_importer_drops_lone_surrogates_too():
    text = SOURCE.read_text("utf-8")
    first_line_end = text.index("\n")
    broken = text[:first_line_end] + "\ud83d\x07" + text[first_line_end:]
    result = import_text(broken)
    assert "2 control characters removed (they cannot appear in a document)" in result.warnings
    clean = import_text(text).plan
    assert result.plan.title == clean.title  # the two characters were cut out of the title's line, nothing else changed
    assert [title_of(n) for n, _ in walk(result.plan.draft.content)] == [title_of(n) for n, _ in walk(clean.draft.content)]
    assert not has_invalid_xml(result.plan.model_dump_json())


def test_revision_dates_are_read_in_one_place():
    assert parse_date("2020-06-30") == datetime.date(2020, 6, 30) and parse_date("  ") is None
    assert date_is_valid("") and date_is_valid("2020-06-30") and not date_is_valid("2020/06/30") and not date_is_valid("2020-02-30")
    assert revision_time("2020-06-30") == datetime.datetime(2020, 6, 30, tzinfo=datetime.UTC)
    assert revision_time("2020-06-30T10:15:00") == datetime.datetime(2020, 6, 30, 10, 15, tzinfo=datetime.UTC)
    assert revision_time("") is None and revision_time("去年") is None


def test_an_item_is_anything_below_the_four_sections():
    content = small_content()
    assert item_count(content) == len([n for s in (content.preface, content.goals, content.focus, content.closing)
                                       for n in _below(s)])


def _below(node):
    for child in getattr(node, node.children_field) if node.children_field else []:
        yield child
        yield from _below(child)
