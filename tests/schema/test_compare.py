"""The comparison engine on small plans built in code, edited through document operations."""
import json

from schema.compare import compare, to_json
from schema.document import Document, with_new_ids
from schema.model import Action, FocusArea, Goal, Paragraph, PlanContent, Strategy
from schema.operations import Insert, Move, Remove, SetField
from schema.textdiff import render_marked


def build() -> PlanContent:
    content = PlanContent()
    content.preface.paragraphs = [Paragraph(id="p1", text="時值美中貿易戰，高雄務必掌握歷史機遇。"), Paragraph(id="p2", text="市府團隊接受市民託付。")]
    content.goals.goals = [Goal(id="g1", title="產業轉型優先"), Goal(id="g2", title="增加就業優先")]
    content.focus.focus_areas = [
        FocusArea(id="fa1", title="拚經濟", strategies=[
            Strategy(id="s11", title="推動橋頭科學園區", goal_ids=["g1"], actions=[
                Action(id="a111", text="成立「橋頭科學園區專案推動小組」，掌握各項工作期程。"),
                Action(id="a112", text="全力配合中央籌設園區聯外道路系統。"),
            ]),
            Strategy(id="s12", title="亞洲新灣區再啟航", body="啟動都市計畫通盤檢討，加速投資案的落實。"),
            Strategy(id="s13", title="轉型高階製造中心", body="凝聚產業共識，進而轉型為亞洲高階製造中心。"),
            Strategy(id="s14", title="建構農漁高雄隊", chart_label="構建農漁高雄隊", body="發展體驗型觀光農業。"),
        ]),
        FocusArea(id="fa2", title="衝就業", strategies=[
            Strategy(id="s21", title="建置青年創業資源網", body="攜手合作青創事業孵化與育成。", lead_agencies=["經濟發展局"]),
            Strategy(id="s22", title="支持青農在地深耕", body="設置青年培訓計畫，吸引青年返鄉投入農業生產。"),
        ]),
        FocusArea(id="fa3", title="好生活", strategies=[
            Strategy(id="s31", title="設立國民運動中心", body="活化改建為國民運動中心。"),
            Strategy(id="s32", title="改善空氣品質", body="推動國營事業帶頭降低固定污染源，雙管齊下改善空氣品質。"),
        ]),
    ]
    content.closing.paragraphs = [Paragraph(id="c1", text="高雄是我們共同的故鄉。")]
    return PlanContent.model_validate(content.model_dump())


def edited(*ops) -> tuple[PlanContent, PlanContent]:
    old = build()
    new = old.model_copy(deep=True)
    Document(new).apply_all(ops)
    return old, new


def summary(comparison):
    return [
        (c.kind, c.node_kind, c.old.number if c.old else None, c.new.number if c.new else None,
         (c.new or c.old).title or (c.new or c.old).text)
        for c in comparison.changes
    ]


def test_identical_plans_have_no_changes():
    result = compare(build(), build())
    assert result.changes == []
    assert result.counts == {"added": 0, "removed": 0, "modified": 0, "moved": 0}
    assert result.matched_by == "id"


def test_deleting_a_strategy_is_one_removal_and_renumbers_nothing_else():
    result = compare(*edited(Remove("fa1", 1)))
    assert summary(result) == [("removed", "strategy", "（二）", None, "亞洲新灣區再啟航")]
    change = result.changes[0]
    # no chart_label: the strategy had no label of its own
    assert change.fields == {"title": [(-1, "亞洲新灣區再啟航")], "body": [(-1, "啟動都市計畫通盤檢討，加速投資案的落實。")]}
    assert change.old.parent == "一、拚經濟"
    assert result.counts == {"added": 0, "removed": 1, "modified": 0, "moved": 0}


def test_renaming_is_modified_with_the_word_diff_and_its_note():
    result = compare(*edited(SetField("s14", "title", "構築農漁高雄隊"), SetField("s14", "note", "文字修正")))
    assert summary(result) == [("modified", "strategy", "（四）", "（四）", "構築農漁高雄隊")]
    change = result.changes[0]
    assert {k: render_marked(v) for k, v in change.fields.items()} == {"title": "[-建構-]{+構築+}農漁高雄隊"}
    assert change.note == "文字修正"
    assert change.old.title == "建構農漁高雄隊" and change.new.title == "構築農漁高雄隊"


def test_chart_label_fixed_to_the_title_shows_as_the_labels_the_chart_prints():
    result = compare(*edited(SetField("s14", "chart_label", "")))
    assert summary(result) == [("modified", "strategy", "（四）", "（四）", "建構農漁高雄隊")]
    assert render_marked(result.changes[0].fields["chart_label"]) == "[-構建-]{+建構+}農漁高雄隊"


def test_adding_a_strategy_with_actions_is_one_change_carrying_its_actions():
    node = Strategy(id="s15", title="啟動商圈造街計畫", note="新增策略", actions=[Action(id="a151", text="改善商圈周邊環境。"), Action(id="a152", text="提供行銷活動補助。")])
    result = compare(*edited(Insert("fa1", 1, node.model_dump(mode="json"))))
    assert summary(result) == [("added", "strategy", None, "（二）", "啟動商圈造街計畫")]
    change = result.changes[0]
    assert change.note == "新增策略"
    assert [(c.number, c.text) for c in change.new.children] == [("1.", "改善商圈周邊環境。"), ("2.", "提供行銷活動補助。")]
    assert change.fields == {"title": [(1, "啟動商圈造街計畫")]}


def test_moving_a_strategy_to_another_focus_area():
    result = compare(*edited(Move("s22", "fa1", 3), SetField("s22", "note", "移至拚經濟")))
    assert summary(result) == [("moved", "strategy", "（二）", "（四）", "支持青農在地深耕")]
    change = result.changes[0]
    assert change.moved_from == "二、衝就業"
    assert change.new.parent == "一、拚經濟"
    assert change.fields == {}
    assert change.note == "移至拚經濟"


def test_reordering_reports_only_the_moved_strategy():
    result = compare(*edited(Move("s13", "fa1", 0)))
    assert summary(result) == [("moved", "strategy", "（三）", "（一）", "轉型高階製造中心")]
    assert result.changes[0].moved_from == "一、拚經濟"


def test_moved_and_edited_is_one_moved_change_with_fields():
    result = compare(*edited(Move("s32", "fa3", 0), SetField("s32", "body", "推動國營事業帶頭降低固定污染源，多管齊下改善空氣品質。")))
    assert summary(result) == [("moved", "strategy", "（二）", "（一）", "改善空氣品質")]
    assert render_marked(result.changes[0].fields["body"]) == "推動國營事業帶頭降低固定污染源，[-雙-]{+多+}管齊下改善空氣品質。"


def test_action_added_and_removed_and_the_removal_note_comes_from_the_parent():
    result = compare(*edited(
        Remove("s11", 0),
        Insert("s11", 1, {"kind": "action", "id": "a113", "text": "爭取中央經費。", "note": "新增作法"}),
        SetField("s11", "note", "專案小組已完成任務，刪除原第1項"),
    ))
    assert summary(result) == [("removed", "action", "1.", None, "成立「橋頭科學園區專案推動小組」，掌握各項工作期程。"),
                               ("added", "action", None, "2.", "爭取中央經費。")]
    assert [c.note for c in result.changes] == ["專案小組已完成任務，刪除原第1項", "新增作法"]


def test_changes_come_in_document_order_with_removals_where_they_were():
    result = compare(*edited(
        SetField("p2", "text", "市府團隊接受全體市民託付。"),
        Remove("fa2", 0),
        SetField("s31", "body", "活化改建為國民運動中心及共融公園。"),
        SetField("c1", "text", "高雄是大家共同的故鄉。"),
        SetField("s11", "title", "推動橋頭科學園區開發"),
    ))
    assert summary(result) == [
        ("modified", "paragraph", "", "", "市府團隊接受全體市民託付。"),
        ("modified", "strategy", "（一）", "（一）", "推動橋頭科學園區開發"),
        ("removed", "strategy", "（一）", None, "建置青年創業資源網"),
        ("modified", "strategy", "（一）", "（一）", "設立國民運動中心"),
        ("modified", "paragraph", "", "", "高雄是大家共同的故鄉。"),
    ]
    assert result.counts == {"added": 0, "removed": 1, "modified": 4, "moved": 0}


def test_agencies_and_goal_links_are_compared_as_readable_lists():
    result = compare(*edited(
        SetField("s21", "lead_agencies", ["經濟發展局", "青年局"]),
        SetField("s11", "goal_ids", ["g1", "g2"]),
        SetField("g1", "title", "產業升級優先"),
    ))
    rendered = [(c.new.number or c.new.title, {k: render_marked(v) for k, v in c.fields.items()}) for c in result.changes]
    assert rendered == [
        ("產業升級優先", {"title": "產業[-轉型-]{+升級+}優先"}),
        ("（一）", {"goal_ids": "產業[-轉型-]{+升級+}優先{+、增加就業優先+}"}),
        ("（一）", {"lead_agencies": "經濟發展局{+、青年局+}"}),
    ]


def test_renaming_a_goal_does_not_touch_the_strategies_linked_to_it():
    result = compare(*edited(SetField("g1", "title", "產業升級優先")))
    assert summary(result) == [("modified", "goal", "", "", "產業升級優先")]


def fresh_ids(content: PlanContent) -> PlanContent:
    """The same text with every id new, as a second import of it would have (goal links follow)."""
    data = content.model_dump(mode="json")
    for section in ("preface", "goals", "focus", "closing"):
        data[section] = with_new_ids(data[section])
    goal_ids = {old.id: new["id"] for old, new in zip(content.goals.goals, data["goals"]["goals"])}
    for area in data["focus"]["focus_areas"]:
        for strategy in area["strategies"]:
            strategy["goal_ids"] = [goal_ids[g] for g in strategy["goal_ids"]]
    return PlanContent.model_validate(data)


def test_without_shared_ids_the_same_edits_give_the_same_changes():
    ops = (
        SetField("s14", "title", "構築農漁高雄隊"),
        Remove("fa1", 1),
        Move("s22", "fa1", 2),
        Move("s32", "fa3", 0),
        Insert("s11", 2, {"kind": "action", "id": "a113", "text": "爭取中央經費挹注園區公共設施。"}),
        SetField("s31", "body", "積極盤點閒置空間，活化改建為國民運動中心。"),
    )
    old, new = edited(*ops)
    by_id = compare(old, new)
    by_content = compare(old, fresh_ids(new))
    assert by_content.matched_by == "content"
    assert summary(by_content) == summary(by_id)
    assert [c.moved_from for c in by_content.changes] == [c.moved_from for c in by_id.changes]
    assert by_id.counts == {"added": 1, "removed": 1, "modified": 2, "moved": 2}


def test_without_shared_ids_identical_texts_have_no_changes():
    assert compare(build(), fresh_ids(build())).changes == []


def test_json_has_exactly_the_documented_shape():
    node = Strategy(id="s15", title="啟動商圈造街計畫", actions=[Action(id="a151", text="改善商圈周邊環境。")])
    old, new = edited(Insert("fa1", 0, node.model_dump(mode="json")), SetField("s12", "title", "亞洲新灣區啟航"))
    document = to_json(compare(old, new), "109年修正版", "110年修正草案")
    assert json.loads(json.dumps(document, ensure_ascii=False)) == {
        "from": "109年修正版",
        "to": "110年修正草案",
        "changes": [
            {
                "kind": "added", "node_kind": "strategy", "old": None,
                "new": {"number": "（一）", "location": "一、（一）", "title": "啟動商圈造街計畫", "text": "", "parent": "一、拚經濟",
                        "children": [{"number": "1.", "location": "一、（一）1.", "title": "", "text": "改善商圈周邊環境。",
                                      "parent": "一、（一）啟動商圈造街計畫"}]},
                "fields": {"title": [[1, "啟動商圈造街計畫"]]}, "note": "",
            },
            {
                "kind": "modified", "node_kind": "strategy",
                "old": {"number": "（二）", "location": "一、（二）", "title": "亞洲新灣區再啟航", "text": "啟動都市計畫通盤檢討，加速投資案的落實。",
                        "parent": "一、拚經濟"},
                "new": {"number": "（三）", "location": "一、（三）", "title": "亞洲新灣區啟航", "text": "啟動都市計畫通盤檢討，加速投資案的落實。",
                        "parent": "一、拚經濟"},
                "fields": {"title": [[0, "亞洲新灣區"], [-1, "再"], [0, "啟航"]]}, "note": "",
            },
        ],
        "counts": {"added": 1, "removed": 0, "modified": 1, "moved": 0},
    }


def test_a_chart_label_set_to_what_the_chart_already_printed_is_no_change():
    from schema.compare import compare
    from schema.document import Document
    from schema.operations import SetField
    from tests.schema.plans import small_content

    old = small_content()
    doc = Document(small_content())
    doc.apply(SetField("s1", "chart_label", "推動橋頭科學園區"))  # the title, which the chart printed anyway
    assert compare(old, doc.content).changes == []
    doc.apply(SetField("s1", "chart_label", "推動橋頭科學園區計畫"))
    [change] = compare(old, doc.content).changes
    assert (change.kind, list(change.fields)) == ("modified", ["chart_label"])
    assert change.fields["chart_label"] == [(0, "推動橋頭科學園區"), (1, "計畫")]
