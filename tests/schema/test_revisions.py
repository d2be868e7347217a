"""Revisions as pure functions: freeze the draft, rename, delete, find; clear refusals."""
import pytest

from schema.compare import compare
from schema.model import FocusArea, Paragraph, Period, PlanContent, PlanDocument, Revision, Strategy
from schema.revisions import (
    RevisionError,
    create_revision,
    delete_revision,
    find_revision,
    latest_revision,
    rename_revision,
    revision_labels,
)
from schema.tree import walk


def plan() -> PlanDocument:
    content = PlanContent()
    content.preface.paragraphs = [Paragraph(id="p1", text="理念。", note="文字修正")]
    content.focus.focus_areas = [FocusArea(id="fa1", title="拚經濟", strategies=[Strategy(id="s1", title="推動橋頭科學園區", note="新增")])]
    content = PlanContent.model_validate(content.model_dump())
    return PlanDocument(
        title="高雄市政府108至111年度中程施政計畫理念",
        period=Period(start=108, end=111),
        revisions=[Revision(id="r108", label="108年原版", date="2019-01-31", content=content.model_copy(deep=True))],
        draft=Revision(id="draft", label="109年修正版", author="研考會", content=content),
    )


def test_freezing_the_draft_keeps_ids_and_content_and_starts_a_clean_draft():
    before = plan()
    after = create_revision(before, "109年修正版", date="2020-06-30", author="研考會", note="109年修正")
    assert revision_labels(after) == ["108年原版", "109年修正版", "draft"]
    frozen = after.revisions[-1]
    assert (frozen.label, frozen.date, frozen.author, frozen.note) == ("109年修正版", "2020-06-30", "研考會", "109年修正")
    assert frozen.content == before.draft.content  # same ids, same texts, same notes
    assert frozen.id not in ("r108", "draft")
    assert after.draft.id == "draft" and after.draft.label == ""
    assert [n.id for n, _ in walk(after.draft.content)] == [n.id for n, _ in walk(frozen.content)]
    assert [n.note for n, _ in walk(after.draft.content) if n.note] == []  # notes belonged to 109
    assert compare(frozen.content, after.draft.content).changes == []
    # the argument is untouched
    assert before.revisions[-1].label == "108年原版" and before.draft.label == "109年修正版"
    assert before.draft.content.preface.paragraphs[0].note == "文字修正"


def test_the_snapshot_is_a_copy_not_shared_with_the_draft():
    after = create_revision(plan(), "109年修正版", keep_notes=True)
    after.draft.content.preface.paragraphs[0].text = "改過的理念。"
    assert after.revisions[-1].content.preface.paragraphs[0].text == "理念。"
    assert after.draft.content.preface.paragraphs[0].note == "文字修正"


def test_duplicate_and_empty_labels_are_refused_with_a_clear_message():
    with pytest.raises(RevisionError, match=r"^a revision labelled '108年原版' already exists; choose another label$"):
        create_revision(plan(), "108年原版")
    with pytest.raises(RevisionError, match="^a revision needs a label, such as 109年修正版$"):
        create_revision(plan(), "  ")
    with pytest.raises(RevisionError, match="^'draft' names the working draft and cannot label a revision$"):
        create_revision(plan(), "draft")
    with pytest.raises(RevisionError, match=r"^the date '2020/06/30' is not a date written as YYYY-MM-DD \(e\.g\. 2020-06-30\)$"):
        create_revision(plan(), "109年修正版", date="2020/06/30")


def test_rename_a_revision_and_the_draft():
    renamed = rename_revision(plan(), "108年原版", "108年核定版")
    assert revision_labels(renamed) == ["108年核定版", "109年修正版"]
    assert renamed.revisions[0].id == "r108" and renamed.revisions[0].date == "2019-01-31"
    assert revision_labels(rename_revision(plan(), "draft", "110年修正草案")) == ["108年原版", "110年修正草案"]
    assert revision_labels(rename_revision(plan(), "108年原版", "108年原版")) == ["108年原版", "109年修正版"]
    with pytest.raises(RevisionError, match=r"^a revision labelled '109年修正版' already exists; choose another label$"):
        rename_revision(plan(), "108年原版", "109年修正版")


def test_delete_a_revision_but_never_the_draft():
    assert revision_labels(delete_revision(plan(), "108年原版")) == ["109年修正版"]
    with pytest.raises(RevisionError, match="^the working draft cannot be deleted, only revisions can$"):
        delete_revision(plan(), "working draft")


def test_find_by_label_or_draft_name_and_list_the_known_ones_otherwise():
    p = plan()
    assert find_revision(p, "108年原版").id == "r108"
    assert find_revision(p, "109年修正版") is p.draft
    assert find_revision(p, "draft") is p.draft
    assert find_revision(p, "Working Draft") is p.draft
    assert latest_revision(p).id == "r108"
    with pytest.raises(RevisionError, match=r"^there is no revision labelled '110年' \(known: 108年原版、109年修正版\)$"):
        find_revision(p, "110年")


def test_an_unlabelled_draft_is_named_by_the_latest_revision_until_it_differs_then_it_is_a_draft_of_amendment():
    plan = PlanDocument.model_validate_json(open("samples/kaohsiung-108-111.plan.json", encoding="utf-8").read())
    assert (plan.draft.label, [r.label for r in plan.revisions]) == ("", ["109年修正版"])
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念（109年修正版）"  # the draft holds the published text
    plan.draft.content.focus.focus_areas[0].strategies[0].title = "推動橋頭科學園區（修正）"
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念（修正草案）"
    assert plan.full_title(plan.revisions[0]) == "高雄市政府108至111年度中程施政計畫理念（109年修正版）"
    plan.draft.label = "110年修正草案"
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念（110年修正草案）"
    plan.draft.label, plan.revisions = "", []
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念"  # a first draft: the title alone
