"""The consistency checks: one plan that breaks each rule and one that does not."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.checks import RULES, SEVERITIES, Finding, findings_by_node, rule, run_checks, worst_severity
from schema.fileio import load_plan
from schema.model import (
    KPI,
    Action,
    FocusArea,
    FocusSection,
    Goal,
    GoalsSection,
    NumberingStyle,
    Paragraph,
    Period,
    PlanContent,
    Preface,
    Strategy,
)
from schema.numbering import all_numbers
from schema.tree import walk
from tests.paths import SAMPLE
from tests.schema.plans import plan_contents

PERIOD = Period(start=108, end=111)

# The strategies of the Kaohsiung 108–111 plan (109 amendment): title in the text, label in the chart.
KAOHSIUNG = {
    "拚經濟": [
        ("推動橋頭科學園區", "推動橋頭科學園區"), ("亞洲新灣區再啟航", "亞洲新灣區再啟航"),
        ("設置科技新創園區", "設置科技新創園區"), ("轉型高階製造中心", "轉型高階製造中心"),
        ("建構農漁高雄隊", "構建農漁高雄隊"), ("啟動商圈造街計畫", "啟動商圈造街計畫"),
    ],
    "衝就業": [
        ("建置青年創業資源網", "建置青年創業資源網"), ("提供單一窗口創業服務", "提供單一窗口創業服務"),
        ("營造優良文創環境", "營造優良文創環境"), ("設立「技職人才及技術培育基地」", "設立技職人才及技術培育基地"),
        ("推動「專業技術人才培育計畫」", "推動專業技術人才培育計畫"), ("支持青農在地深耕", "支持青農在地深耕"),
    ],
    "顧教育": [
        ("平價教保服務", "平價教保服務"), ("設置校園雙機", "設置校園雙機"),
        ("推動雙語教育，落實母語教學", "推動雙語教育，落實母語教學"), ("改善偏鄉數位落差", "改善偏鄉數位落差"),
        ("完善終身學習教育資源網", "完善終身學習教育資源網"),
    ],
    "好生活": [
        ("加速興建捷運輕軌", "加速興建捷運輕軌"), ("扶植在地藝術，成立文化藝術聚落", "扶植在地藝術，成立文化藝術聚落"),
        ("設立國民運動中心", "設立國民運動中心"), ("推行共融化公園及親水公園", "推行共融公園及親水公園"),
        ("一學區日照中心", "一學區一日照中心"), ("改善空氣品質", "改善空氣品質"), ("社區關懷據點加倍", "社區關懷據點加倍"),
    ],
    "真安心": [
        ("加速解決淹水問題", "加速解決淹水問題"), ("強化系統性防災能力", "強化系統性防災能力"),
        ("科技辦案執法，警民合作打擊犯罪", "科技辦案執法，警民合作打擊犯罪"), ("提升警消裝備妥善率", ""),
    ],
}
THREE_MISMATCHES = [
    "架構圖標籤「構建農漁高雄隊」與標題「建構農漁高雄隊」不一致。",
    "架構圖標籤「推行共融公園及親水公園」與標題「推行共融化公園及親水公園」不一致。",
    "架構圖標籤「一學區一日照中心」與標題「一學區日照中心」不一致。",
]


def strategy(title: str = "", **fields) -> Strategy:
    fields.setdefault("body", "盤點民眾實際需求，爭取中央經費。")
    fields.setdefault("title", title)
    return Strategy(**fields)


def plan(areas: dict | None = None, goals=(), preface=("高雄是我們共同的故鄉。",), closing=("城市的競爭力。",)) -> PlanContent:
    """A plan with focus areas {title: [strategies]} and paragraphs; clean unless told otherwise."""
    areas = {"拚經濟": [strategy("推動橋頭科學園區")]} if areas is None else areas
    return PlanContent(
        preface=Preface(paragraphs=[Paragraph(text=t) for t in preface]),
        goals=GoalsSection(goals=[g if isinstance(g, Goal) else Goal(title=g) for g in goals]),
        focus=FocusSection(focus_areas=[FocusArea(title=t, strategies=s) for t, s in areas.items()]),
        closing=PlanContent().closing.model_copy(update={"paragraphs": [Paragraph(text=t) for t in closing]}),
    )


def kaohsiung(mode: str = "as-published") -> PlanContent:
    """The Kaohsiung strategies; ``importer`` stores a label only when it differs beyond 「」."""
    areas = {}
    for area, pairs in KAOHSIUNG.items():
        areas[area] = []
        for title, label in pairs:
            if mode == "importer" and label == title.replace("「", "").replace("」", ""):
                label = ""
            areas[area].append(strategy(title, chart_label=label))
    return plan(areas, goals=["產業轉型優先", "增加就業優先", "交通建設優先", "改善空污優先"])


def messages(findings, code: str) -> list[str]:
    return [f.message for f in findings if f.code == code]


# --- findings, registry, order -----------------------------------------------------------

def test_a_clean_plan_has_no_findings():
    assert run_checks(plan(), PERIOD) == []


def test_a_finding_names_code_severity_node_number_and_title():
    content = plan({"拚經濟": [strategy("推動橋頭科學園區"), strategy("建構農漁高雄隊", chart_label="構建農漁高雄隊")]})
    [finding] = run_checks(content, PERIOD)
    node = content.focus.focus_areas[0].strategies[1]
    assert finding == Finding("chart-label-mismatch", "warning", node.id, "一、（二）", "建構農漁高雄隊",
                              "架構圖標籤「構建農漁高雄隊」與標題「建構農漁高雄隊」不一致。")
    assert list(finding.as_dict()) == ["code", "severity", "node_id", "number", "title", "message"]


def test_findings_come_in_document_order_then_rule_order():
    content = plan({"拚經濟": [strategy(""), strategy("推動", body="", chart_label="推行")], "衝就業": [strategy("")]})
    found = [(f.number, f.code) for f in run_checks(content, PERIOD)]
    assert found == [("一、（一）", "empty-title"), ("一、（二）", "strategy-without-content"),
                     ("一、（二）", "chart-label-mismatch"), ("二、（一）", "empty-title")]


def test_every_rule_has_a_unique_code_a_known_severity_and_both_languages():
    codes = [r.code for r in RULES]
    assert len(codes) == len(set(codes)) == 13
    assert {r.severity for r in RULES} == set(SEVERITIES)
    assert all(set(r.messages) == {"zh", "en"} for r in RULES)


def test_a_new_rule_is_one_decorated_function():
    @rule("no-tiger", "info", zh="標題提到老虎：{title}。", en="The title mentions a tiger: {title}.")
    def no_tiger(ctx):
        for node in ctx.of_kind("strategy"):
            if "虎" in node.title:
                yield node, {"title": node.title}

    try:
        content = plan({"拚經濟": [strategy("打虎計畫"), strategy("推動橋頭科學園區")]})
        assert [(f.code, f.severity, f.number, f.message) for f in run_checks(content)] == [
            ("no-tiger", "info", "一、（一）", "標題提到老虎：打虎計畫。")]
        assert run_checks(content, lang="en")[0].message == "The title mentions a tiger: 打虎計畫."
    finally:
        RULES.pop()


def test_registering_a_rule_twice_or_with_a_bad_severity_fails():
    with pytest.raises(ValueError, match="two rules share the code 'empty-title'"):
        rule("empty-title", "error", zh="", en="")
    with pytest.raises(ValueError, match="unknown severity 'fatal'"):
        rule("x", "fatal", zh="", en="")


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        run_checks(plan(), lang="fr")


def test_findings_by_node_and_worst_severity():
    content = plan({"拚經濟": [strategy("", body="")]})
    found = run_checks(content)
    node_id = content.focus.focus_areas[0].strategies[0].id
    assert [f.code for f in findings_by_node(found)[node_id]] == ["empty-title", "strategy-without-content"]
    assert worst_severity(found) == "error"
    assert worst_severity([f for f in found if f.severity != "error"]) == "warning"
    assert worst_severity([]) is None


def test_a_long_paragraph_is_named_by_its_first_thirty_characters_on_one_line():
    text = "城市的競爭力，須兼顧軟、硬實力，\n並植基於公共建設、觀光促進、物產行銷及經濟開創等多元面向。"
    found = run_checks(plan(preface=(text, text)))
    assert [f.title for f in found] == ["城市的競爭力，須兼顧軟、硬實力， 並植基於公共建設、觀光促…"]
    assert len(found[0].title) == 30


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), max_size=4), min_size=1, max_size=4))
def test_the_number_of_a_finding_is_the_official_number(shape):
    # Every action is blank, so every action has a finding; its number is schema's numbers from the focus area down.
    areas = {f"重點{a}": [strategy(f"策略{s}", actions=[Action(text="") for _ in range(n)]) for s, n in enumerate(counts)]
             for a, counts in enumerate(shape)}
    content = plan(areas)
    numbers = all_numbers(content)
    found = run_checks(content)
    assert len(found) == sum(sum(counts) for counts in shape)
    assert [f.number for f in found] == [
        numbers[area.id] + numbers[s.id] + numbers[a.id]
        for area in content.focus.focus_areas for s in area.strategies for a in s.actions]


# --- the Kaohsiung plan --------------------------------------------------------------------

@pytest.mark.parametrize("mode", ["as-published", "importer"])
def test_kaohsiung_has_exactly_the_three_chart_label_mismatches(mode):
    found = run_checks(kaohsiung(mode), PERIOD)
    assert messages(found, "chart-label-mismatch") == THREE_MISMATCHES
    assert [f.title for f in found if f.code == "chart-label-mismatch"] == ["建構農漁高雄隊", "推行共融化公園及親水公園", "一學區日照中心"]
    assert [f.number for f in found if f.code == "chart-label-mismatch"] == ["一、（五）", "四、（四）", "四、（五）"]
    assert not any("人才" in f.message for f in found if f.code == "chart-label-mismatch")


def test_kaohsiung_long_chart_labels_are_the_two_of_fifteen_characters():
    found = run_checks(kaohsiung(), PERIOD)
    assert messages(found, "chart-label-long") == [
        "架構圖標籤「扶植在地藝術，成立文化藝術聚落」有 15 字，超過 14 字，在架構圖上會折成多行，建議精簡。",
        "架構圖標籤「科技辦案執法，警民合作打擊犯罪」有 15 字，超過 14 字，在架構圖上會折成多行，建議精簡。",
    ]
    assert {f.severity for f in found} == {"warning", "info"}


@pytest.mark.parametrize("which", ["draft", "109年修正版"])
def test_the_committed_kaohsiung_sample_has_exactly_the_three_chart_label_mismatches(which):
    sample = load_plan(SAMPLE)
    content = sample.draft.content if which == "draft" else sample.revision(which).content
    found = run_checks(content, sample.period)
    chart = [f for f in found if f.code.startswith("chart-label")]
    assert [f.message for f in chart if f.code == "chart-label-mismatch"] == THREE_MISMATCHES
    assert not any("人才" in f.title for f in chart)
    labels = {s.title: s.chart_label for a in content.focus.focus_areas for s in a.strategies}
    assert {t: labels[t] for t in ("設立「技職人才及技術培育基地」", "推動「專業技術人才培育計畫」")} == {
        "設立「技職人才及技術培育基地」": "", "推動「專業技術人才培育計畫」": ""}  # the importer's convention


def location(content: PlanContent, node_id: str) -> str:
    """What a finding names a node by: the numbers from its focus area down (a section its own)."""
    numbers = all_numbers(content)
    parents = {node.id: parent for node, parent in walk(content)}
    own = numbers.get(node_id, "")
    parent = parents[node_id]
    while own and parent is not None and parents[parent.id] is not None:
        own = numbers[parent.id] + own
        parent = parents[parent.id]
    return own


def test_a_finding_names_its_place_from_the_focus_area_down():
    """Every focus area has its （五）: a finding names the path, as the plan's text names a place."""
    content = plan({"拚經濟": [strategy("推動")], "衝就業": [strategy("推動", actions=[Action(text="成立小組。", actions=[Action(text="")])])]},
                   closing=("",))
    found = run_checks(content, lang="en")
    assert [(f.number, f.title, f.message) for f in found] == [
        ("二、（一）1.（1）", "", "This action is empty."), ("", "", "This paragraph is empty.")]
    area = content.focus.focus_areas[1]
    area.title = ""
    assert [(f.number, f.message) for f in run_checks(content, lang="en")][0] == ("二、", "This focus area has no title.")


@settings(max_examples=60, deadline=None)
@given(plan_contents(), st.integers(100, 118), st.sampled_from(["zh", "en"]))
def test_any_plan_can_be_checked(content, start, lang):
    found = run_checks(content, Period(start=start, end=start + 2), lang=lang)
    ids = {node.id for node, _parent in walk(content)}
    for f in found:
        assert f.severity in SEVERITIES and f.node_id in ids and f.number == location(content, f.node_id)
        assert f.message.endswith("。" if lang == "zh" else ".") and "\n" not in f.title and len(f.title) <= 30
    assert found == run_checks(content, Period(start=start, end=start + 2), lang=lang)  # deterministic


# --- one test per rule ---------------------------------------------------------------------

def test_chart_label_mismatch_in_english_shows_both_texts():
    content = plan({"好生活": [strategy("一學區日照中心", chart_label="一學區一日照中心")]})
    assert messages(run_checks(content, lang="en"), "chart-label-mismatch") == [
        "The chart label 「一學區一日照中心」 differs from the title 「一學區日照中心」."]


@pytest.mark.parametrize("title, label", [
    ("設立「技職人才及技術培育基地」", "設立技職人才及技術培育基地"),  # drops 「」
    ("推動雙語教育，落實母語教學", "推動雙語教育落實母語教學"),  # drops ，
    ("推動「專業技術人才培育計畫」", ""),  # no label of its own: the chart uses the title
    ("推動 AI 應用", "推動AI應用"),  # spaces
])
def test_a_chart_label_that_only_drops_punctuation_is_not_a_mismatch(title, label):
    assert run_checks(plan({"拚經濟": [strategy(title, chart_label=label)]})) == []


def test_a_quoted_title_in_a_message_is_quoted_with_double_corner_brackets():
    content = plan({"衝就業": [strategy("設立「技職人才培育基地」", chart_label="設立技職培育基地")]})
    assert messages(run_checks(content), "chart-label-mismatch") == [
        "架構圖標籤「設立技職培育基地」與標題『設立「技職人才培育基地」』不一致。"]


@pytest.mark.parametrize("label, width", [
    ("扶植在地藝術，成立文化藝術聚落", "15"),
    ("推動YouBike 2.0及公共自行車系統建置計畫", "19.5"),  # 11 Latin letters, digits and spaces count 5.5
])
def test_a_chart_label_wider_than_fourteen_is_info(label, width):
    [finding] = run_checks(plan({"好生活": [strategy(label, chart_label=label)]}), lang="en")
    assert (finding.code, finding.severity) == ("chart-label-long", "info")
    assert finding.message == f"The chart label 「{label}」 is {width} characters long, more than 14: it takes several lines in the chart; consider shortening it."


@pytest.mark.parametrize("title, label", [
    ("推動雙語教育，落實母語教學之", ""),  # 14 characters exactly
    ("設立「技職人才及技術培育基地」", ""),  # 15 with 「」, 13 as the chart prints it
    ("推動YouBike 2.0公共自行車", ""),  # 18 characters, 13.5 wide
])
def test_a_chart_label_of_fourteen_or_less_is_fine(title, label):
    assert run_checks(plan({"好生活": [strategy(title, chart_label=label)]})) == []


def test_empty_titles_are_errors():
    content = plan({"": [strategy("  ")]}, goals=["產業轉型優先", ""])
    found = run_checks(content)
    assert [(f.code, f.severity, f.message) for f in found] == [
        ("empty-title", "error", "施政目標的標題是空白的。"),
        ("empty-title", "error", "施政重點的標題是空白的。"),
        ("empty-title", "error", "推動策略的標題是空白的。"),
    ]
    assert [f.message for f in run_checks(content, lang="en")] == [
        "This goal has no title.", "This focus area has no title.", "This strategy has no title."]


def test_empty_paragraphs_and_actions_are_errors():
    content = plan({"拚經濟": [strategy("推動", actions=[Action(text="成立專案小組。", actions=[Action(text=" ")]), Action(text="")])]},
                   preface=("高雄是我們共同的故鄉。", "\n"))
    found = run_checks(content)
    assert [(f.code, f.number, f.message) for f in found] == [
        ("empty-text", "", "段落沒有文字。"), ("empty-text", "一、（一）1.（1）", "具體作法沒有文字。"), ("empty-text", "一、（一）2.", "具體作法沒有文字。")]


def test_a_strategy_without_body_or_actions_is_a_warning():
    content = plan({"拚經濟": [strategy("推動", body=" \n "), strategy("只有作法", body="", actions=[Action(text="成立專案小組。")]),
                              strategy("只有說明")]})
    found = run_checks(content, lang="en")
    assert [(f.code, f.severity, f.number, f.message) for f in found] == [
        ("strategy-without-content", "warning", "一、（一）", "The strategy has neither a body nor any actions.")]


def test_duplicate_titles_under_one_parent_are_reported_on_the_later_one():
    content = plan({
        "拚經濟": [strategy("設置校園雙機"), strategy("推動橋頭科學園區"), strategy("設置校園雙機：")],
        "衝就業": [strategy("設置校園雙機", actions=[Action(text="分年裝設冷氣機。"), Action(text="分年裝設冷氣機")])],
    }, goals=["產業轉型優先", "產業轉型優先"])
    found = run_checks(content)
    assert [(f.code, f.number, f.message) for f in found] == [
        ("duplicate-title", "", "與同一層的第1項標題相同：「產業轉型優先」。"),
        ("duplicate-title", "一、（三）", "與同一層的（一）標題相同：「設置校園雙機：」。"),
        ("duplicate-title", "二、（一）2.", "與同一層的1.標題相同：「分年裝設冷氣機」。"),
    ]


def test_the_same_title_under_different_parents_is_fine():
    content = plan({"拚經濟": [strategy("設置校園雙機")], "衝就業": [strategy("設置校園雙機")]},
                   preface=("高雄是我們共同的故鄉。",), closing=("高雄是我們共同的故鄉。",))
    assert run_checks(content) == []


INVALID = [chr(c) for c in [*range(0, 9), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF]]
FIELDS = {  # strategy field → how the bad text goes in, and the field's name in the message
    "title": (lambda t: {"title": t}, "標題"),
    "chart_label": (lambda t: {"chart_label": t}, "架構圖標籤"),
    "body": (lambda t: {"body": t}, "內容"),
    "note": (lambda t: {"note": t}, "修正說明"),
    "lead_agencies": (lambda t: {"lead_agencies": ["經濟發展局", t]}, "主辦機關"),
    "kpi target": (lambda t: {"kpis": [KPI(name="人次", targets={108: "1", 109: t, 110: "3", 111: "4"})]}, "109年度目標值"),
}


@pytest.mark.parametrize("field", FIELDS)
@settings(max_examples=15, deadline=None)
@given(bad=st.sampled_from(INVALID), at=st.integers(0, 8))
def test_characters_word_cannot_hold_are_errors(field, bad, at):
    text = "推動橋頭科學園區"[:at] + bad + "推動橋頭科學園區"[at:]
    make, name = FIELDS[field]
    fields = {"title": "推動橋頭科學園區"} | make(text)
    content = plan({"拚經濟": [strategy(**fields)]})
    found = [f for f in run_checks(content, PERIOD) if f.code == "invalid-character"]
    assert [(f.severity, f.message) for f in found] == [("error", f"{name}含有無法寫入 Word 文件的字元：U+{ord(bad):04X}。")]


def test_tabs_and_line_breaks_are_fine_in_word_but_a_bell_in_english_is_named():
    assert run_checks(plan(preface=("高雄\t是我們\r\n共同的故鄉。",))) == []
    found = run_checks(plan(preface=("高雄\x07是\x1f我們\x07共同的故鄉。",)), lang="en")
    assert [f.message for f in found] == ["The text holds characters that cannot go into a Word document: U+0007, U+001F."]


def test_half_width_marks_in_chinese_text_mixed_with_full_width_ones():
    content = plan({"顧教育": [strategy("平價教保服務", body="鼓勵政府機構設置托育(幼)設施"),
                               strategy("設置校園雙機", body="爭取中央補助（含電費補助），及冷氣經費")]},
                   preface=("高雄是我們共同的故鄉,市民是城市的主人。",))
    found = run_checks(content)
    assert [(f.number, f.severity, f.message) for f in found] == [
        ("", "warning", "全形與半形標點混用：此處用半形「,」（1 處），而本計畫用全形「，」共 1 處。"),
        ("一、（一）", "warning", "全形與半形標點混用：此處用半形「(」「)」（2 處），而本計畫用全形「（」「）」共 2 處。"),
    ]


def test_the_rarer_form_is_reported_when_full_width_is_rarer():
    content = plan({"顧教育": [strategy("平價教保服務", body="托育(幼)設施、(含電費補助)及 (公私協力) 方案"),
                               strategy("設置校園雙機", body="爭取中央補助（含電費補助）")]})
    [finding] = run_checks(content, lang="en")
    assert finding.number == "一、（二）"
    assert finding.message == ("Half-width and full-width punctuation are mixed: full-width 「（」「）」 here (2), "
                               "while the plan uses half-width 「(」「)」 6 time(s).")


@pytest.mark.parametrize("texts", [
    ("以 AI、IoT、區塊鏈結合 5G, 95% 的覆蓋率，打造新創聚落。",),  # Latin text and numbers
    ("托育(幼)設施", "另(含電費補助)"),  # half-width only: consistent (the Kaohsiung text)
    ("結合 YouBike 2.0 (Taiwan)，時間 10:30，比例 3;1。",),  # half-width marks between Latin or digits
    ("托育（幼）設施：市府，市民；共同。",),  # full-width only
])
def test_punctuation_that_is_not_mixed_is_fine(texts):
    assert run_checks(plan(preface=texts)) == []


@pytest.mark.parametrize("text, kind", [("市府;市民", "；"), ("說明:市府", "："), ("市府 , 市民", "，")])
def test_semicolon_colon_and_comma_between_chinese_characters_count(text, kind):
    found = run_checks(plan(preface=(text, f"高雄{kind}故鄉")))
    assert [f.code for f in found] == ["mixed-punctuation"]
    assert f"全形「{kind}」" in found[0].message


def _linked_plan(links: list[list[int]], extra_ids=()) -> PlanContent:
    goals = [Goal(title="產業轉型優先"), Goal(title="增加就業優先")]
    strategies = [strategy(f"策略{i}", goal_ids=[goals[g].id for g in gs] + list(extra_ids if i == 0 else ()))
                  for i, gs in enumerate(links)]
    return plan({"拚經濟": strategies}, goals=goals)


def test_goal_links_are_not_required_while_the_plan_uses_none():
    assert run_checks(_linked_plan([[], [], []])) == []


def test_once_goal_links_are_used_every_strategy_and_goal_needs_one():
    found = run_checks(_linked_plan([[0], [], [0]]))
    assert [(f.code, f.severity, f.number, f.title, f.message) for f in found] == [
        ("goal-unserved", "warning", "", "增加就業優先", "本計畫的推動策略已連結施政目標，但沒有任何推動策略連結此施政目標。"),
        ("strategy-without-goal", "warning", "一、（二）", "策略1", "本計畫的推動策略已連結施政目標，但有 1 個推動策略未連結任何施政目標，此項是第一個。"),
    ]


def test_the_first_goal_link_gives_one_grouped_finding_not_one_per_strategy():
    found = run_checks(_linked_plan([[0], [], [], [], [1]]), lang="en")
    assert [(f.code, f.number, f.message) for f in found if f.code == "strategy-without-goal"] == [
        ("strategy-without-goal", "一、（二）", "Strategies of this plan are linked to goals, but 3 of them serve no goal, this one first."),
    ]


def test_fully_linked_goals_are_fine():
    assert run_checks(_linked_plan([[0], [1], [0, 1]])) == []


def test_a_link_to_a_goal_that_does_not_exist_is_an_error():
    found = run_checks(_linked_plan([[], [], []], extra_ids=["gone1", "gone2", "gone1"]), lang="en")
    assert [(f.code, f.severity, f.number, f.message) for f in found] == [
        ("unknown-goal", "error", "一、（一）", "Linked to goals that do not exist (gone1, gone2).")]
    found = run_checks(_linked_plan([[0], [1], [0, 1]], extra_ids=["gone"]))
    assert [(f.code, f.message) for f in found] == [("unknown-goal", "連結到不存在的施政目標（gone）。")]


def _kpi_plan(*kpis: KPI) -> PlanContent:
    return plan({"拚經濟": [strategy("推動", kpis=list(kpis))]})


def test_kpi_targets_outside_the_period_or_missing_for_a_year():
    content = _kpi_plan(KPI(name="服務人次", targets={107: "90", 108: "100", 109: " ", 111: "130", 112: "140"}),
                        KPI(targets={108: "1", 109: "2", 110: "3", 111: "4"}))
    found = run_checks(content, PERIOD)
    assert [(f.code, f.severity, f.message) for f in found] == [
        ("kpi-year-outside-period", "warning", "關鍵績效指標「服務人次」有計畫期間（108至111年度）以外的年度目標值：107、112年度。"),
        ("kpi-year-missing", "warning", "關鍵績效指標「服務人次」缺少109、110年度的目標值。"),
    ]
    assert [f.message for f in run_checks(content, PERIOD, lang="en")] == [
        "The KPI 「服務人次」 has targets for years outside the plan's period (108–111): 107, 112.",
        "The KPI 「服務人次」 has no target for 109, 110.",
    ]


def test_kpi_targets_for_every_year_of_the_period_are_fine_and_no_period_means_no_kpi_check():
    assert run_checks(_kpi_plan(KPI(name="服務人次", targets={108: "1", 109: "2", 110: "3", 111: "4"})), PERIOD) == []
    assert run_checks(_kpi_plan(KPI(name="服務人次", targets={100: "1"}))) == []
    unnamed = run_checks(_kpi_plan(KPI(name="服務人次", targets={y: "1" for y in PERIOD.years}), KPI(targets={108: "1"})), PERIOD)
    assert [f.message for f in unnamed] == ["關鍵績效指標第2項缺少109、110、111年度的目標值。"]


def test_findings_number_their_items_in_the_plans_numbering_style():
    """A plan imported with (一) strategies and 1、 actions is reported in its own ladder, as its documents are."""
    content = plan({"拚經濟": [strategy("推動橋頭科學園區"), strategy("建構農漁高雄隊", chart_label="構建農漁高雄隊")]})
    half_width = NumberingStyle(strategy="({一})", action="{1}、")
    [finding] = run_checks(content, PERIOD, style=half_width)
    assert (finding.number, finding.title) == ("一、(二)", "建構農漁高雄隊")
    assert run_checks(content, PERIOD)[0].number == "一、（二）"  # the default ladder without a style
