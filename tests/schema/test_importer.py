"""The importer of published plan text, on the Kaohsiung 108–111 plan (109 amendment) and on variants."""
from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.fileio import dump_plan, load_plan, save_plan
from schema.importer import ImportResult, TextImportError, adopt_ids, import_text
from schema.tree import walk
from tests.paths import SAMPLE, SOURCE

TEXT = SOURCE.read_text(encoding="utf-8")

FOCUS_AREAS = ["拚經濟", "衝就業", "顧教育", "好生活", "真安心"]
STRATEGIES = [
    ["推動橋頭科學園區", "亞洲新灣區再啟航", "設置科技新創園區", "轉型高階製造中心", "建構農漁高雄隊", "啟動商圈造街計畫"],
    ["建置青年創業資源網", "提供單一窗口創業服務", "營造優良文創環境", "設立「技職人才及技術培育基地」",
     "推動「專業技術人才培育計畫」", "支持青農在地深耕"],
    ["平價教保服務", "設置校園雙機", "推動雙語教育，落實母語教學", "改善偏鄉數位落差", "完善終身學習教育資源網"],
    ["加速興建捷運輕軌", "扶植在地藝術，成立文化藝術聚落", "設立國民運動中心", "推行共融化公園及親水公園",
     "一學區日照中心", "改善空氣品質", "社區關懷據點加倍"],
    ["加速解決淹水問題", "強化系統性防災能力", "科技辦案執法，警民合作打擊犯罪", "提升警消裝備妥善率"],
]
ACTION_COUNTS = [[2, 2, 3, 0, 2, 0], [0, 0, 2, 2, 0, 0], [0, 2, 2, 2, 0], [2, 2, 0, 0, 0, 0, 0], [2, 2, 0, 0]]


@pytest.fixture(scope="module")
def result() -> ImportResult:
    return import_text(TEXT, source_name=SOURCE.name)


@pytest.fixture(scope="module")
def content(result):
    return result.plan.revisions[0].content


def strategy(content, title):
    return next(s for a in content.focus.focus_areas for s in a.strategies if s.title == title)


# --- the Kaohsiung plan ------------------------------------------------------------------------
def test_identity_of_the_plan(result):
    plan = result.plan
    assert plan.title == "高雄市政府108至111年度中程施政計畫理念"
    assert plan.organisation == "高雄市政府"
    assert (plan.period.start, plan.period.end) == (108, 111)
    assert [r.label for r in plan.revisions] == ["109年修正版"]
    assert plan.revisions[0].note == "由公告版文字匯入（kaohsiung-108-111-rev109.txt）"
    assert plan.full_title() == "高雄市政府108至111年度中程施政計畫理念（109年修正版）"
    assert result.unplaced == [] and result.warnings == []


def test_counts(content):
    areas = content.focus.focus_areas
    assert len(content.preface.paragraphs) == 9
    assert len(content.goals.goals) == 4
    assert len(areas) == 5
    assert sum(len(a.strategies) for a in areas) == 28
    assert sum(1 for node, _ in walk(content) if node.kind == "action") == 27
    assert [[len(s.actions) for s in a.strategies] for a in areas] == ACTION_COUNTS
    assert len(content.closing.paragraphs) == 2


def test_titles_in_order(content):
    assert content.focus.title == "施政重點與發展策略"
    assert [a.title for a in content.focus.focus_areas] == FOCUS_AREAS
    assert [[s.title for s in a.strategies] for a in content.focus.focus_areas] == STRATEGIES
    assert [g.title for g in content.goals.goals] == ["產業轉型優先", "增加就業優先", "交通建設優先", "改善空污優先"]
    assert content.closing.title == "未來施政藍圖與結語"


def test_paragraphs_split_at_page_ends_are_joined(content):
    assert content.preface.paragraphs[4].text == (
        "青年創業圓夢需要充分的資源協助，我們將提供青年創業貸款與發展補助，並整合中央、地方、產官學與民間資源，"
        "協助青創事業孵化育成。另外，為了讓學生能順利銜接職場，除了辦理大專生職場體驗計畫、媒合企業實習職缺，"
        "也將推出主題講座、創業輔導與培訓課程，提升專業能力及職場競爭力，為正式踏入職場做充分準備。"
    )
    assert strategy(content, "建構農漁高雄隊").actions[0].text == (
        "結合各地農漁業特色及資源，發展可居住、可旅遊的體驗型觀光農業，將自然資源轉化成為經濟資源，"
        "創造更多就業機會，使年輕人回流。"
    )
    assert strategy(content, "推動雙語教育，落實母語教學").actions[1].text == (
        "推廣客家、原住民族及新住民語言教學課程，鼓勵在家營造母語環境，以落實母語扎根，傳承多元文化。"
    )


def test_an_item_without_a_final_stop_before_a_heading_stays_whole(content):
    actions = strategy(content, "設置校園雙機").actions
    assert actions[1].text == "推動「太陽光電系統建置」與「永續校園推廣計畫」，透過綠能、節電等措施，減少碳排放量，淨化空氣品質"
    assert strategy(content, "推動雙語教育，落實母語教學").actions[0].text.startswith("推動英語沉浸式校園計畫")


def test_bodies_and_latin_spacing(content):
    assert strategy(content, "轉型高階製造中心").body == (
        "藉由「產業智慧化、數位轉型、創新應用」三大具體行動，並採「盤點需求、建立示範、成果擴散」模式，"
        "凝聚產業共識，形成數位轉型目標與需求，實現產業鏈智慧化步驟，進而轉型為亞洲高階製造中心。"
    )
    assert strategy(content, "推動橋頭科學園區").body == ""
    assert "以 AI、IoT、區塊鏈、體感等智慧科技結合 5G 應用為主軸" in content.preface.paragraphs[2].text
    assert strategy(content, "設置科技新創園區").actions[1].text.startswith("以AI、IoT、區塊鏈")
    assert "YouBike 2.0 等綠色運具" in content.preface.paragraphs[6].text
    assert content.preface.paragraphs[8].text.endswith("也為市民創造更好的生活：")


def test_closing_paragraphs(content):
    lines = TEXT.split("\n")
    start = lines.index("貳、未來施政藍圖與結語")
    expected = [line for line in lines[start + 1:start + 6] if line.strip()]
    assert [p.text for p in content.closing.paragraphs] == expected
    assert content.closing.paragraphs[1].text.startswith("高雄是我們共同的故鄉")


def test_chart_labels_only_where_they_differ(content):
    labelled = {s.title: s.chart_label for a in content.focus.focus_areas for s in a.strategies if s.chart_label}
    assert labelled == {
        "建構農漁高雄隊": "構建農漁高雄隊",
        "推行共融化公園及親水公園": "推行共融公園及親水公園",
        "一學區日照中心": "一學區一日照中心",
    }
    # labels that only drop 「」 are not stored
    assert strategy(content, "設立「技職人才及技術培育基地」").chart_label == ""
    assert strategy(content, "推動「專業技術人才培育計畫」").chart_label == ""


def test_draft_is_a_copy_with_the_same_ids(result):
    plan = result.plan
    assert plan.draft.label == ""
    assert plan.draft.content == plan.revisions[0].content
    assert plan.draft.content is not plan.revisions[0].content
    ids = [n.id for n, _ in walk(plan.draft.content)]
    assert len(set(ids)) == len(ids) == 79


NUMBERING = re.compile(r"^\s*(?:[壹貳參肆伍陸柒捌玖拾]+、|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d+\.)")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def _source_body() -> list[str]:
    """The source's lines before the framework chart, numbering marks removed."""
    lines = TEXT.split("\n")
    chart = next(i for i, line in enumerate(lines) if "架構圖" in line)
    return [NUMBERING.sub("", line) for line in lines[:chart]]


def _plan_text(plan) -> list[str]:
    """The plan's text in document order; goals are left out (they restate the preface and chart)."""
    c = plan.revisions[0].content
    parts = [plan.title, plan.revisions[0].label]
    parts += [p.text for p in c.preface.paragraphs]
    parts.append(c.focus.title)
    for area in c.focus.focus_areas:
        parts += [area.title, area.body]
        for s in area.strategies:
            parts += [s.title, s.body]
            for a in s.actions:
                parts.append(a.text)
                parts += [sub.text for sub in a.actions]
    parts.append(c.closing.title)
    parts += [p.text for p in c.closing.paragraphs]
    return parts


def test_every_chinese_character_is_kept_in_order(result):
    source = CJK.findall("".join(_source_body()))
    imported = CJK.findall("".join(_plan_text(result.plan)))
    assert len(source) > 3800  # the whole body, not a fragment
    assert imported == source


def test_every_character_but_layout_is_kept(result):
    """Stricter: all visible characters, except the title's brackets and the colons ending headings."""
    body = _source_body()
    title_at = next(i for i, line in enumerate(body) if line.strip())
    body[title_at] = re.sub(r"[()（）\s]", "", body[title_at])
    lines = TEXT.split("\n")
    for i, line in enumerate(lines[: len(body)]):
        if re.match(r"^\s*[(（][一二三四五六七八九十]+[)）]", line):
            body[i] = re.sub(r"：\s*$", "", body[i])
    visible = re.compile(r"\S")
    assert visible.findall("".join(_plan_text(result.plan))) == visible.findall("".join(body))


def test_label_overrides_the_one_in_the_title():
    plan = import_text(TEXT, label="109年度修正").plan
    assert [r.label for r in plan.revisions] == ["109年度修正"]
    assert plan.revisions[0].note == "由公告版文字匯入"


def test_full_width_numbering_and_crlf():
    variant = re.sub(r"^\((.)\) ?", r"（\1）", TEXT, flags=re.M).replace("\n", "\r\n")
    result = import_text("\ufeff" + variant)
    areas = result.plan.revisions[0].content.focus.focus_areas
    assert [[s.title for s in a.strategies] for a in areas] == STRATEGIES
    plain = import_text(TEXT).plan
    adopted, _ = adopt_ids(result.plan, plain)
    assert adopted.revisions[0].content == plain.revisions[0].content
    assert result.warnings == [] and result.unplaced == []


# --- other plans' text -------------------------------------------------------------------------
OTHER = """臺南市政府110至113年度中程施政計畫

本府將以三大目標推動市政，並以「產業升級」、「宜居城市」與「幸福臺南」做為施政目標。

壹、施政重點

一、產業發展

(一)智慧農業：

1. 推動智慧農業示範場域。
(1)導入感測設備。
(2)建立產銷履歷
平台，追蹤品質。
2. 輔導青農。
後續將持續滾動檢討。

（二）觀光行銷

規劃觀光路線。

二、城市治理

(一) 開放資料：

建置開放資料平台。

貳、結語

臺南將持續前進。

參、附錄

附表一。
"""


def test_another_plan_without_chart_or_label():
    result = import_text(OTHER)
    plan = result.plan
    c = plan.revisions[0].content
    assert (plan.title, plan.organisation, plan.period.start, plan.period.end) == (
        "臺南市政府110至113年度中程施政計畫", "臺南市政府", 110, 113)
    assert plan.revisions[0].label == ""
    assert [g.title for g in c.goals.goals] == ["產業升級", "宜居城市", "幸福臺南"]
    assert [a.title for a in c.focus.focus_areas] == ["產業發展", "城市治理"]
    farm = c.focus.focus_areas[0].strategies[0]
    assert farm.title == "智慧農業"
    assert [a.text for a in farm.actions] == ["推動智慧農業示範場域。", "輔導青農。"]
    assert [s.text for s in farm.actions[0].actions] == ["導入感測設備。", "建立產銷履歷平台，追蹤品質。"]
    assert farm.body == "後續將持續滾動檢討。"
    assert c.focus.focus_areas[0].strategies[1].title == "觀光行銷"
    assert c.closing.title == "結語" and [p.text for p in c.closing.paragraphs] == ["臺南將持續前進。"]
    assert result.unplaced == ["line 32: 參、附錄", "附表一。"]
    assert result.warnings == [
        "line 16: a paragraph after the actions of 「智慧農業」 was added to its body",
        "the section 「附錄」 could not be placed",
        "no revision label such as (109年修正版) was found; the revision is unlabelled",
    ]


def test_chart_lists_that_run_together_and_extra_labels():
    lines = TEXT.split("\n")
    chart = next(i for i, line in enumerate(lines) if "架構圖" in line)
    run_together = "\n".join(lines[:chart] + [line for line in lines[chart:] if line.strip()])
    content = import_text(run_together).plan.revisions[0].content
    labelled = [s.chart_label for a in content.focus.focus_areas for s in a.strategies if s.chart_label]
    assert labelled == ["構建農漁高雄隊", "推行共融公園及親水公園", "一學區一日照中心"]
    extra = import_text(TEXT + "\n\n- 多出來的策略\n")
    assert extra.unplaced == ["chart label with no strategy: 多出來的策略"]
    assert extra.warnings == [
        "the chart's strategy lists (6/6/5/7/4/1) do not match the text's (6/6/5/7/4); "
        "chart labels were matched to strategies by similarity"
    ]
    assert [s.chart_label for a in extra.plan.revisions[0].content.focus.focus_areas for s in a.strategies if s.chart_label] == labelled


def test_a_missing_focus_area_does_not_shift_the_chart_labels():
    result = import_text(TEXT.replace("一、拚經濟\n", ""))
    areas = result.plan.revisions[0].content.focus.focus_areas
    assert [a.title for a in areas] == FOCUS_AREAS[1:]
    labelled = {s.title: s.chart_label for a in areas for s in a.strategies if s.chart_label}
    assert labelled == {"推行共融化公園及親水公園": "推行共融公園及親水公園", "一學區日照中心": "一學區一日照中心"}
    assert [u for u in result.unplaced if u.startswith("chart")] == [
        f"chart label with no strategy: {t}"
        for t in ["推動橋頭科學園區", "亞洲新灣區再啟航", "設置科技新創園區", "轉型高階製造中心", "構建農漁高雄隊", "啟動商圈造街計畫"]
    ]
    # the strategies of the lost focus area are reported whole, page-break joins included
    assert "line 51: 1. 結合各地農漁業特色及資源，發展可居住、可旅遊的體驗型觀光農業，將自然資源轉化成為經濟資源，創造更多就業機會，使年輕人回流。" in result.unplaced


def test_strategies_before_any_focus_area_are_reported():
    result = import_text("某市政府110至113年度中程施政計畫\n\n(一) 孤立策略：\n1. 一項作法。\n\n一、重點\n(一) 策略\n內容。\n")
    assert result.unplaced == ["line 3: (一) 孤立策略：", "line 4: 1. 一項作法。"]
    assert "strategies before any focus area could not be placed" in result.warnings
    assert [a.title for a in result.plan.revisions[0].content.focus.focus_areas] == ["重點"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "the text is empty."),
        ("   \n\n \t\n", "the text is empty."),
        ("這只是一封信。\n\n謝謝。\n", "it has no headings such as 壹、, 一、 or (一), so it is not the text of a plan."),
        ("某市政府中程施政計畫\n\n一、重點\n(一) 策略\n", "it has no plan period such as 108至111年度 in its title or text."),
        ("一、重點\n(一) 策略\n", "it has no title line (such as 高雄市政府108至111年度中程施政計畫理念) before its first heading."),
    ],
)
def test_text_without_a_plan(text, message):
    with pytest.raises(TextImportError) as info:
        import_text(text)
    assert str(info.value) == message


FRAGMENTS = st.sampled_from(
    ["\n", "\n\n", " ", "壹、", "貳、", "一、", "十一、", "(一)", "（二）", "1.", "2．", "(1)", "（2）", "108至111年度",
     "111至108年", "0至5年", "(109年修正版)", "（", "）", "架構圖", "施政", "目標", "重點", "推動", "策略", "- ",
     "「", "」", "、", "。", "：", "高雄市政府", "拚經濟", "產業轉型優先", "\ufeff", "\r", "\x00", "\x0b", "\t"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=6)), max_size=40).map("".join), st.one_of(st.none(), st.text(max_size=5)))
def test_the_importer_raises_only_text_import_errors(text, label):
    try:
        result = import_text(text, label=label)
    except TextImportError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    plan = result.plan
    assert plan.draft.content == plan.revisions[0].content
    json.loads(dump_plan(plan))  # whatever was found can be saved


# --- the committed sample ----------------------------------------------------------------------
def _without_ids(data):
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(v) for v in data]
    return data


def test_sample_equals_a_fresh_import(result):
    sample = load_plan(SAMPLE)
    assert _without_ids(sample.model_dump()) == _without_ids(result.plan.model_dump())
    # regenerating with the sample's ids (what `plan-editor import-text` does over it) changes nothing
    regenerated, count = adopt_ids(result.plan, sample)
    assert count == 79 * 2 + 2
    assert dump_plan(regenerated) == SAMPLE.read_text(encoding="utf-8")


def test_sample_round_trips_byte_identically(tmp_path):
    copy = tmp_path / "copy.plan.json"
    save_plan(load_plan(SAMPLE), copy)
    assert copy.read_bytes() == SAMPLE.read_bytes()
    save_plan(load_plan(copy), copy)
    assert copy.read_bytes() == SAMPLE.read_bytes()


def test_adopt_ids_keeps_fresh_ids_where_structure_differs(result):
    shorter = import_text(TEXT.replace("(七)社區關懷據點加倍：", "社區關懷據點加倍。")).plan
    adopted, count = adopt_ids(result.plan, shorter)
    ids = [n.id for n, _ in walk(adopted.revisions[0].content)]
    assert len(ids) == len(set(ids)) == 79
    assert count == 78 * 2 + 2  # every node but the missing strategy, in revision and draft, and both revisions
    old_ids = {n.id for n, _ in walk(shorter.revisions[0].content)}
    fresh = [n for n, _ in walk(adopted.revisions[0].content) if n.id not in old_ids]
    assert [n.title for n in fresh] == ["社區關懷據點加倍"]


def test_chart_focus_areas_that_differ_are_reported():
    lines = TEXT.split("\n")
    at = lines.index("重點", lines.index("施政"))
    with_focus = "\n".join(lines[: at + 1] + ["拚經濟、衝就業、顧教育、好生活、真放心"] + lines[at + 1:])
    result = import_text(with_focus)
    assert result.warnings == ["the focus areas in the framework chart differ from the headings of the text"]
    assert result.unplaced == [f"chart focus area: {t}" for t in ["拚經濟", "衝就業", "顧教育", "好生活", "真放心"]]
    same = "\n".join(lines[: at + 1] + ["拚經濟、衝就業、顧教育", "好生活、真安心"] + lines[at + 1:])
    assert import_text(same).warnings == [] and import_text(same).unplaced == []


def _cjk_of_unplaced(entries: list[str]) -> list[str]:
    body = [e for e in entries if not e.startswith("chart ")]  # the chart is not part of the body
    return CJK.findall("".join(NUMBERING.sub("", re.sub(r"^line \d+: ", "", e)) for e in body))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["delete", "copy", "swap"]), st.integers(0, 10**6), st.integers(0, 10**6)),
                min_size=1, max_size=8))
def test_shuffled_plans_lose_and_invent_nothing(edits):
    """Move, copy and delete lines of the preface and of section 壹 (whose headings, title and chart
    stay put): every Chinese character ends up either in the plan or in the unplaced report."""
    lines = _source_body()
    first = next(i for i, line in enumerate(lines) if line.strip()) + 1
    focus_at = next(i for i, line in enumerate(lines) if line.startswith("施政重點與發展策略"))
    closing_at = next(i for i, line in enumerate(lines) if line.startswith("未來施政藍圖與結語"))
    raw = TEXT.split("\n")
    middle = [raw[first:focus_at], raw[focus_at + 1:closing_at]]
    for op, i, j in edits:
        part = middle[i % 2]
        if not part:
            continue
        a, b = i % len(part), j % len(part)
        if op == "delete":
            del part[a]
        elif op == "copy":
            part.insert(b, part[a])
        else:
            part[a], part[b] = part[b], part[a]
    text = "\n".join(raw[:first] + middle[0] + [raw[focus_at]] + middle[1] + raw[closing_at:])
    result = import_text(text)
    body = text.split("\n")
    body = body[: next(i for i, line in enumerate(body) if "架構圖" in line)]
    source = CJK.findall("".join(NUMBERING.sub("", line) for line in body))
    found = CJK.findall("".join(_plan_text(result.plan))) + _cjk_of_unplaced(result.unplaced)
    assert sorted(found) == sorted(source)
