"""The ladder-driven recogniser on source lines: headings by style, other cities' KPI tables, goals on one
line, node ids from the source, and the one case it refuses: a ladder nested both ways."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.importer import TextImportError, import_lines, import_text
from schema.importer_marks import chinese_value, parse_mark
from schema.importer_text import SourceLine

TITLE = "臺中市政府110至113年度中程施政計畫"


def lines(*items) -> list[SourceLine]:
    out = []
    for n, item in enumerate(items, start=1):
        if isinstance(item, SourceLine):
            item.line = n
            out.append(item)
        else:
            out.append(SourceLine(item, n))
    return out


def test_headings_by_style_when_nothing_is_numbered():
    result = import_lines(lines(
        TITLE, "本府施政以市民為先。",
        SourceLine("施政重點與發展策略", 0, heading=1), SourceLine("智慧城市", 0, heading=2),
        SourceLine("推動智慧交通", 0, heading=3), "建置智慧號誌。",
        SourceLine("結語", 0, heading=1), "持續前進。",
    ), join=False)
    content = result.plan.revisions[0].content
    assert [a.title for a in content.focus.focus_areas] == ["智慧城市"]
    assert [(s.title, s.body) for s in content.focus.focus_areas[0].strategies] == [("推動智慧交通", "建置智慧號誌。")]
    assert content.closing.title == "結語" and [p.text for p in content.closing.paragraphs] == ["持續前進。"]


def test_a_heading_style_with_a_number_tells_what_the_style_stands_for():
    # Heading 1 here holds the focus areas (一、), so an unnumbered Heading 1 is a focus area too.
    result = import_lines(lines(
        TITLE, SourceLine("一、智慧城市", 0, heading=1), "(一) 智慧交通", "內容。",
        SourceLine("產業發展", 0, heading=1), "(一) 招商", "內容。",
    ), join=False)
    assert [a.title for a in result.plan.revisions[0].content.focus.focus_areas] == ["智慧城市", "產業發展"]


def test_another_citys_kpi_table_goes_into_the_strategy_and_the_rest_is_reported():
    table = [(["策略績效目標", "衡量指標", "評估體制", "衡量標準", "目標值", "備註"], {}),
             (["提升運量", "公車運量", "統計數據", "年搭乘人次", "3,000萬", "含幹線"], {"name": "kpi0000000a1"})]
    result = import_lines(lines(TITLE, "一、交通", "(一) 公車", "增加路線。", SourceLine("", 0, table=table)), join=False)
    strategy = result.plan.revisions[0].content.focus.focus_areas[0].strategies[0]
    assert [(k.id, k.objective, k.name, k.assessment, k.measurement, k.unit, k.targets) for k in strategy.kpis] == [
        ("kpi0000000a1", "提升運量", "公車運量", "統計數據", "年搭乘人次", "", {113: "3,000萬"})]
    assert result.unplaced == ["line 5: KPI 公車運量: 備註: 含幹線"]
    assert "line 5: the KPI column 目標值 has no year; it was read as 113年" in result.warnings


def test_our_own_tables_fill_agencies_goals_and_budget():
    info = [(["主辦機關", "交通局"], {}), (["協辦機關", "工務局、捷運局"], {}), (["對應施政目標", "交通優先、不存在的目標"], {}),
            (["預算（千元）", "110年 1,200；111年 3,000.5"], {})]
    kpi = [(["關鍵績效指標", "衡量標準", "單位", "110年", "111年", "112年", "113年"], {}), (["運量", "人次", "萬", "10", "", "30", ""], {})]
    result = import_lines(lines(TITLE, "施政目標", "交通優先", "一、交通", "(一) 公車", "增加路線。",
                                SourceLine("", 0, table=info), SourceLine("", 0, table=kpi)), join=False)
    content = result.plan.revisions[0].content
    strategy = content.focus.focus_areas[0].strategies[0]
    assert (strategy.lead_agencies, strategy.supporting_agencies) == (["交通局"], ["工務局", "捷運局"])
    assert strategy.goal_ids == [content.goals.goals[0].id]
    assert strategy.budget == {110: 1200.0, 111: 3000.5}
    assert [(k.name, k.measurement, k.unit, k.targets) for k in strategy.kpis] == [("運量", "人次", "萬", {110: "10", 112: "30"})]
    assert result.unplaced == ["line 7: goal of 「公車」: 不存在的目標"]


def test_goals_on_one_line_and_ids_from_the_source():
    result = import_lines(lines(
        TITLE, "施政目標：安居、樂業、永續", SourceLine("一、交通", 0, ids={"title": "area00000001"}),
        SourceLine("(一) 公車", 0, ids={"title": "area00000001"}), "內容。",
    ), join=False)
    content = result.plan.revisions[0].content
    assert [g.title for g in content.goals.goals] == ["安居", "樂業", "永續"]
    assert content.focus.focus_areas[0].id == "area00000001"
    assert content.focus.focus_areas[0].strategies[0].id != "area00000001"
    assert "the id area00000001 is marked on more than one item; the later ones get new ids" in result.warnings


def test_a_ladder_nested_both_ways_is_refused_with_its_lines():
    text = f"{TITLE}\n\n一、交通\n1. 公車\n(一) 路線\n二、產業\n(一) 招商\n1. 園區\n"
    with pytest.raises(TextImportError) as info:
        import_text(text)
    assert str(info.value) == (
        "line 5 puts （一） items under 1. items but line 8 puts 1. items under （一） items, "
        "as often, so the levels of the numbering are ambiguous."
    )
    assert (info.value.code, info.value.params) == ("ambiguous_numbering", {"line": 5, "lower": "（一）", "upper": "1.", "other_line": 8})


@pytest.mark.parametrize("text, family, value, template", [
    ("壹、施政重點", "formal", 1, "{壹}、"), ("拾壹．附錄", "formal", 11, "{壹}．"), ("十二、重點", "chinese", 12, "{一}、"),
    ("一 拚經濟", "chinese", 1, "{一} "), ("（三）策略", "paren_chinese", 3, "（{一}）"), ("(三) 策略", "paren_chinese", 3, "({一})"),
    ("１２．作法", "arabic", 12, "{1}．"), ("3、作法", "arabic", 3, "{1}、"), ("（２）細項", "paren_arabic", 2, "（{1}）"),
])
def test_marks(text, family, value, template):
    mark = parse_mark(text)
    assert mark is not None and (mark.family, mark.value, mark.template) == (family, value, template)


@pytest.mark.parametrize("text", ["2.0 版上線", "十分重要。", "參與式預算", "5G 應用", "一百年來"])
def test_sentences_are_not_marks(text):
    assert parse_mark(text) is None


def test_chinese_values():
    assert [chinese_value(t) for t in ("一", "十", "十一", "二十", "一百零一", "壹", "拾壹", "貳拾", "叁")] == [1, 10, 11, 20, 101, 1, 11, 20, 3]


# --- any ladder ----------------------------------------------------------------------------------
def _number(template: str, n: int) -> str:
    from schema.numbering import chinese_numeral

    return (template.replace("{壹}", chinese_numeral(n, formal=True)).replace("{一}", chinese_numeral(n))
            .replace("{1}", str(n)))


LADDERS = st.tuples(
    st.sampled_from(["{壹}、", None]),
    st.sampled_from(["{一}、", "{一}．"]),
    st.sampled_from(["（{一}）", "({一})", "{1}、", "{1}."]),
    st.sampled_from(["{1}.", "{1}、", "（{1}）", "({1})"]),
).filter(lambda t: _family(t[2]) != _family(t[3]))


def _family(template: str) -> str:
    return ("paren_" if template.startswith(("(", "（")) else "") + ("chinese" if "{一}" in template else "arabic")


@settings(max_examples=60, deadline=None)
@given(LADDERS, st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=3), min_size=1, max_size=3), st.booleans())
def test_any_ladder_gives_the_same_plan_and_is_kept(ladder, shape, spaced):
    section, focus, strategy, action = ladder
    gap = " " if spaced else ""
    lines = [TITLE, "", "本府施政以市民為先。", ""]
    if section:
        lines.append(_number(section, 1) + gap + "施政重點")
    for a, strategies in enumerate(shape, start=1):
        lines.append(_number(focus, a) + gap + f"重點{a}")
        for s, actions in enumerate(strategies, start=1):
            lines.append(_number(strategy, s) + gap + f"策略{a}之{s}：")
            lines += [_number(action, n) + gap + f"作法{a}之{s}之{n}。" for n in range(1, actions + 1)] or ["說明。"]
    if section:
        lines += [_number(section, 2) + gap + "結語", "持續前進。"]
    result = import_text("\n".join(lines))
    content = result.plan.revisions[0].content
    assert [a.title for a in content.focus.focus_areas] == [f"重點{a}" for a in range(1, len(shape) + 1)]
    assert [[s.title for s in a.strategies] for a in content.focus.focus_areas] == [
        [f"策略{a}之{s}" for s in range(1, len(ss) + 1)] for a, ss in enumerate(shape, start=1)]
    assert [[len(s.actions) for s in a.strategies] for a in content.focus.focus_areas] == shape
    style = result.plan.numbering_style
    full = {"({一})": "（{一}）", "({1})": "（{1}）"}  # text from a PDF does not tell the bracket widths apart
    assert (style.focus_area, style.strategy) == (focus, full.get(strategy, strategy))
    if any(any(n for n in ss) for ss in shape):
        assert style.action == full.get(action, action)
    if section:
        assert content.closing.title == "結語"
