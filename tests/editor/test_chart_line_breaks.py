"""Where the chart's labels break (issue 15 point 4): after punctuation, else between words, never
inside a word, the lines balanced; the SVG names Kai faces by every name; huge labels wrap in
time proportional to their length (issue 16)."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QFontMetricsF

from editor.export import line_breaking
from editor.export.chart_layout import ChartColumn, ChartData, layout_chart, make_fonts
from editor.export.chart_paint import svg_bytes
from editor.export.fonts import choose_chart_family, ensure_gui_application
from editor.export.line_breaking import NO_LINE_END, NO_LINE_START, break_lines, words
from schema.fileio import load_plan
from tests.paths import DEMO, SAMPLE


@pytest.fixture(scope="module", autouse=True)
def app():
    return ensure_gui_application()


# Every box of both samples' charts (every revision and the draft), as its lines joined by "|".
# The published breaks that split words (「窗｜口」, 「成｜立」, 「警｜民」, 「公｜園」, 「防｜災」)
# now fall after the comma or between words.
SAMPLE_LINES = {
    "產業轉型優先、增加就業優先、交通建設優先、改善空污優先": "產業轉型優先、增加就業優先、|交通建設優先、改善空污優先",
    "拚經濟": "拚經濟", "衝就業": "衝就業", "顧教育": "顧教育", "好生活": "好生活", "真安心": "真安心",
    "推動橋頭科學園區": "推動橋頭科學園區",
    "亞洲新灣區再啟航": "亞洲新灣區再啟航",
    "設置科技新創園區": "設置科技新創園區",
    "轉型高階製造中心": "轉型高階製造中心",
    "構建農漁高雄隊": "構建農漁高雄隊",
    "啟動商圈造街計畫": "啟動商圈造街計畫",
    "建置青年創業資源網": "建置青年創業資源網",
    "提供單一窗口創業服務": "提供單一窗口|創業服務",
    "營造優良文創環境": "營造優良文創環境",
    "設立技職人才及技術培育基地": "設立技職人才及|技術培育基地",
    "推動專業技術人才培育計畫": "推動專業技術|人才培育計畫",
    "支持青農在地深耕": "支持青農在地深耕",
    "平價教保服務": "平價教保服務",
    "設置校園雙機": "設置校園雙機",
    "推動雙語教育，落實母語教學": "推動雙語教育，|落實母語教學",
    "改善偏鄉數位落差": "改善偏鄉數位落差",
    "完善終身學習教育資源網": "完善終身學習|教育資源網",
    "加速興建捷運輕軌": "加速興建捷運輕軌",
    "扶植在地藝術，成立文化藝術聚落": "扶植在地藝術，|成立文化藝術聚落",
    "設立國民運動中心": "設立國民運動中心",
    "推行共融公園及親水公園": "推行共融公園|及親水公園",
    "一學區一日照中心": "一學區一日照中心",
    "改善空氣品質": "改善空氣品質",
    "社區關懷據點加倍": "社區關懷據點加倍",
    "加速解決淹水問題": "加速解決淹水問題",
    "強化系統性防災能力": "強化系統性防災能力",
    "科技辦案執法，警民合作打擊犯罪": "科技辦案執法，|警民合作打擊犯罪",
    "提升警消裝備妥善率": "提升警消裝備妥善率",
}
DEMO_LINES = {
    **{k: v for k, v in SAMPLE_LINES.items()},
    "建構農漁高雄隊": "建構農漁高雄隊",
    "加速興建捷運及輕軌路網": "加速興建捷運|及輕軌路網",
    "推行共融化公園及親水公園": "推行共融化公園|及親水公園",
    "一學區日照中心": "一學區日照中心",
    "推動智慧防災韌性城市": "推動智慧防災|韌性城市",
}
HEADERS = {"施政目標": "施政|目標", "施政重點": "施政|重點", "推動策略": "推動|策略"}
TITLES = {
    "高雄市政府108至111年度中程施政計畫理念架構圖（109年修正版）",
    "高雄市政府108至111年度中程施政計畫理念架構圖（110年修正草案（示範））",
}


def chart_boxes(path):
    plan = load_plan(path)
    found = {}
    for revision in [None, *plan.revisions]:
        for box in layout_chart(plan, revision).boxes:
            found.setdefault((box.role, box.text), "|".join(line.text for line in box.lines))
    return found


@pytest.mark.parametrize("path, expected", [(SAMPLE, SAMPLE_LINES), (DEMO, DEMO_LINES)], ids=["sample", "demo"])
def test_every_label_of_the_samples_breaks_where_expected(path, expected):
    boxes = chart_boxes(path)
    labels = {text: lines for (role, text), lines in boxes.items() if role in ("goals", "focus", "strategy")}
    assert labels == {text: expected[text] for text in labels}
    assert set(labels) == set(expected) if path == DEMO else set(labels) <= set(expected)
    assert {text: lines for (role, text), lines in boxes.items() if role == "header"} == HEADERS
    titles = {text: lines for (role, text), lines in boxes.items() if role == "title"}
    assert {t: t for t in titles if t in TITLES} == titles  # each title fits on one line


def test_every_break_of_the_samples_falls_after_punctuation_or_between_words_at_any_width():
    """Narrow the strategy column step by step: no break ever falls inside a word."""
    metrics = QFontMetricsF(make_fonts(choose_chart_family())["strategy"])
    for text in DEMO_LINES:
        boundaries, glued, position = set(), [], 0
        for piece in words(text):
            position += len(piece)
            boundaries.add(position)
            if glued and piece[0] in NO_LINE_START:  # punctuation travels with the word before it
                glued[-1] += piece
            else:
                glued.append(piece)
        longest_word = max(metrics.horizontalAdvance(w) for w in glued)
        for width in range(int(longest_word) + 1, int(metrics.horizontalAdvance(text)) + 2, 6):
            lines = break_lines(text, metrics.horizontalAdvance, width)
            assert "".join(lines) == text
            assert all(metrics.horizontalAdvance(line) <= width for line in lines), (text, width, lines)
            ends = [sum(len(line) for line in lines[: i + 1]) for i in range(len(lines) - 1)]
            assert set(ends) <= boundaries, (text, width, lines)
            assert all(line[0] not in NO_LINE_START for line in lines)


def test_a_word_too_wide_for_any_line_is_the_only_thing_broken_inside():
    metrics = QFontMetricsF(make_fonts(choose_chart_family())["strategy"])
    two = metrics.horizontalAdvance("科技")
    assert break_lines("推動科學園區", metrics.horizontalAdvance, two + 0.5) == ["推動", "科學", "園區"]
    assert break_lines("科學園區", metrics.horizontalAdvance, metrics.horizontalAdvance("科") + 0.5) == ["科", "學", "園", "區"]


def test_plan_terms_that_icu_splits_stay_whole():
    assert "輕軌" in words("加速興建捷運及輕軌路網") and "路網" in words("加速興建捷運及輕軌路網")
    assert "警民" in words("科技辦案執法，警民合作打擊犯罪")
    assert words("推動😀智慧城市") == ["推動", "😀", "智慧", "城市"]  # astral characters keep their offsets


@settings(max_examples=40, deadline=None)
@given(st.text(st.sampled_from("高雄市政府推動科技智慧城市防災AIoT 5G、，。「」（）ab12😀"), min_size=1, max_size=60),
       st.integers(min_value=14, max_value=200))
def test_any_label_keeps_every_character_and_fits(text, width):
    metrics = QFontMetricsF(make_fonts(choose_chart_family())["strategy"])
    lines = break_lines(text, metrics.horizontalAdvance, width)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)
    for line in lines:
        # Wider only when it is one character with the brackets and punctuation that cling to it.
        core = line.lstrip("".join(NO_LINE_END)).rstrip("".join(NO_LINE_START) + " ")
        assert metrics.horizontalAdvance(line) <= width + 1e-6 or len(core) <= 1, (text, width, lines)


def test_wrapping_a_huge_label_measures_each_distinct_piece_once(monkeypatch):
    """Issue 16: a 1 MB label must not re-measure growing lines (quadratic); each distinct word is
    measured once, and the balancing programme is skipped beyond its limit."""
    calls = []

    def advance(text):
        calls.append(text)
        return 12.0 * len(text)

    label = "推動智慧防災韌性城市，" * 20_000  # 220,000 characters
    lines = break_lines(label, advance, 12.0 * 9 + 1)
    assert "".join(lines) == label
    assert len(calls) == len(set(calls)) <= 10  # 推動 智慧 防災 韌性 城市， and their first-fit fits
    monkeypatch.setattr(line_breaking, "_balanced", lambda *a: pytest.fail("balanced a huge label"))
    break_lines(label, advance, 12.0 * 9 + 1)


def test_svg_names_the_kai_fallback_list():
    svg = svg_bytes(layout_chart(load_plan(SAMPLE))).decode("utf-8")
    families = set(re.findall(r'font-family="([^"]*)"', svg)) - {"Sans Serif"}
    assert families == {"標楷體, DFKai-SB, BiauKai, 'AR PL UKai TW', serif"}


def test_a_chart_with_one_megabyte_label_lays_out():
    label = "推動智慧防災韌性城市，" * 100_000  # 1.1 million characters
    data = ChartData("架構圖", (), (ChartColumn("f", "拚經濟", (("s", label),)),))
    box = next(b for b in layout_chart(data).boxes if b.role == "strategy")
    assert "".join(line.text for line in box.lines) == label
    lengths = [len(line.text) for line in box.lines[:-1]]
    assert max(lengths) - min(lengths) <= 3  # first fit: every line as full as the column allows, to a word
    assert all(line.text.endswith(("，", "推動", "智慧", "防災", "韌性")) for line in box.lines)
