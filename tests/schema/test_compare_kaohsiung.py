"""The comparison on the real Kaohsiung plan: amendments made by document operations, the
demonstration sample, and the same amendments imported from a second text (no shared ids)."""
import importlib.util

import pytest

from schema.compare import compare
from schema.document import Document
from schema.fileio import dump_plan, load_plan
from schema.importer import import_text
from schema.operations import Insert, Move, Remove, SetField
from schema.textdiff import render_marked
from tests.paths import AMENDED, DEMO, ROOT, SAMPLE, SOURCE


def published():
    return load_plan(SAMPLE).revision("109年修正版").content


def strategy(content, area_index, index):
    return content.focus.focus_areas[area_index].strategies[index]


def rows(comparison):
    return [
        (c.kind, c.node_kind, c.old.number if c.old else None, c.new.number if c.new else None,
         (c.new or c.old).title or (c.new or c.old).text[:12])
        for c in comparison.changes
    ]


def edit(make_ops):
    old = published()
    new = old.model_copy(deep=True)
    Document(new).apply_all(make_ops(new))
    return compare(old, new)


def test_deleting_strategy_two_reports_only_that_strategy():
    result = edit(lambda c: [Remove(c.focus.focus_areas[0].id, 1)])
    assert rows(result) == [("removed", "strategy", "（二）", None, "亞洲新灣區再啟航")]
    assert [(k.number, k.text[:10]) for k in result.changes[0].old.children] == [("1.", "啟動都市計畫通盤檢討"), ("2.", "引進民間資源，善用高")]


@pytest.mark.parametrize("name, make_ops, expected", [
    ("rename", lambda c: [SetField(strategy(c, 3, 0).id, "title", "加速興建捷運及輕軌路網")],
     [("modified", "strategy", "（一）", "（一）", "加速興建捷運及輕軌路網")]),
    ("add", lambda c: [Insert(c.focus.focus_areas[4].id, 0, {"kind": "strategy", "id": "x1", "title": "推動智慧防災韌性城市"})],
     [("added", "strategy", None, "（一）", "推動智慧防災韌性城市")]),
    ("move across focus areas", lambda c: [Move(strategy(c, 1, 5).id, c.focus.focus_areas[0].id, 5)],
     [("moved", "strategy", "（六）", "（六）", "支持青農在地深耕")]),
    ("reorder", lambda c: [Move(strategy(c, 3, 5).id, c.focus.focus_areas[3].id, 0)],
     [("moved", "strategy", "（六）", "（一）", "改善空氣品質")]),
    ("body edit", lambda c: [SetField(strategy(c, 3, 5).id, "body", strategy(c, 3, 5).body.replace("雙管齊下", "多管齊下"))],
     [("modified", "strategy", "（六）", "（六）", "改善空氣品質")]),
    ("action added", lambda c: [Insert(strategy(c, 0, 0).id, 2, {"kind": "action", "id": "x2", "text": "爭取中央經費挹注園區公共設施。"})],
     [("added", "action", None, "3.", "爭取中央經費挹注園區公共")]),
    ("action removed", lambda c: [Remove(strategy(c, 0, 0).id, 0)],
     [("removed", "action", "1.", None, "成立「橋頭科學園區專案推")]),
])
def test_each_amendment_is_reported_once_and_nothing_else(name, make_ops, expected):
    assert rows(edit(make_ops)) == expected


def test_a_body_edit_shows_the_changed_words_only():
    result = edit(lambda c: [SetField(strategy(c, 3, 5).id, "body", strategy(c, 3, 5).body.replace("雙管齊下", "多管齊下"))])
    assert render_marked(result.changes[0].fields["body"]) == (
        "推動國營事業帶頭降低固定污染源，並運用科技監控污染微粒及移動污染源，另針對空污累犯業者採取累進處罰，[-雙-]{+多+}管齊下改善空氣品質。"
    )


DEMO_CHANGES = [
    ("removed", "action", "3.", None, "運用5G、AIoT、互動"),
    ("modified", "strategy", "（四）", "（四）", "轉型高階製造中心"),
    ("modified", "strategy", "（五）", "（五）", "建構農漁高雄隊"),
    ("moved", "strategy", "（六）", "（六）", "支持青農在地深耕"),
    ("moved", "strategy", "（六）", "（一）", "改善空氣品質"),
    ("modified", "strategy", "（一）", "（二）", "加速興建捷運及輕軌路網"),
    ("modified", "strategy", "（四）", "（五）", "推行共融化公園及親水公園"),
    ("modified", "strategy", "（五）", "（六）", "一學區日照中心"),
    ("added", "strategy", None, "（五）", "推動智慧防災韌性城市"),
]


def test_the_demo_sample_holds_the_published_revision_and_an_illustrative_draft():
    demo, sample = load_plan(DEMO), load_plan(SAMPLE)
    assert [r.label for r in demo.revisions] == ["109年修正版"]
    assert demo.revisions[0] == sample.revision("109年修正版")
    assert demo.draft.label == "110年修正草案（示範）"
    assert "並非高雄市政府正式文本" in demo.draft.note


def test_the_demo_sample_is_what_its_script_makes():
    spec = importlib.util.spec_from_file_location("make_demo_sample", ROOT / "scripts" / "make_demo_sample.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert dump_plan(module.make(load_plan(SAMPLE))) == DEMO.read_text(encoding="utf-8")


def test_the_demo_amendments_each_once_with_their_notes():
    demo = load_plan(DEMO)
    result = compare(demo.revisions[0].content, demo.draft.content)
    assert rows(result) == DEMO_CHANGES
    assert result.counts == {"added": 1, "removed": 1, "modified": 5, "moved": 2}
    assert [c.moved_from for c in result.changes if c.kind == "moved"] == ["二、衝就業", "四、好生活"]
    assert all(c.note for c in result.changes)
    assert result.changes[0].note == "文化科技相關作法已併入「營造優良文創環境」推動，刪除原第3項作法。"
    assert {c.new.title: render_marked(c.fields["chart_label"]) for c in result.changes if "chart_label" in c.fields} == {
        "建構農漁高雄隊": "[-構建-]{+建構+}農漁高雄隊",
        "推行共融化公園及親水公園": "推行共融{+化+}公園及親水公園",
        "一學區日照中心": "一學區[-一-]日照中心",
    }
    assert render_marked(result.changes[5].fields["title"]) == "加速興建捷運{+及+}輕軌{+路網+}"
    assert [(k.number, k.text[:8]) for k in result.changes[-1].new.children] == [("1.", "建置智慧防災資訊"), ("2.", "推動社區防災韌性")]


def test_the_same_amendments_imported_from_text_give_the_same_changes():
    old = import_text(SOURCE.read_text(encoding="utf-8")).plan.revisions[-1].content
    new = import_text(AMENDED.read_text(encoding="utf-8")).plan.revisions[-1].content
    result = compare(old, new)
    assert result.matched_by == "content"
    assert rows(result) == DEMO_CHANGES
    demo = load_plan(DEMO)
    by_id = compare(demo.revisions[0].content, demo.draft.content)
    assert [(c.moved_from, c.fields) for c in result.changes] == [(c.moved_from, c.fields) for c in by_id.changes]
