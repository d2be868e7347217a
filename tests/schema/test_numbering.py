import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema.document import Document
from schema.numbering import (
    action_number,
    all_numbers,
    chinese_numeral,
    focus_area_number,
    number_of,
    section_number,
    strategy_number,
    sub_action_number,
)
from schema.operations import Move, Remove
from tests.schema.plans import small_content

_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")} | {c: i for i, c in enumerate("零壹貳參肆伍陸柒捌玖")}
_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}


def read_chinese(text: str) -> int:
    """An independent reader of Chinese numerals, to check the writer."""
    total, digit = 0, None
    for char in text:
        if char in _UNITS:
            total += (1 if digit is None else digit) * _UNITS[char]
            digit = None
        else:
            digit = _DIGITS[char]
    return total + (digit or 0)


def test_the_official_ladder():
    assert [section_number(i) for i in range(3)] == ["壹、", "貳、", "參、"]
    assert [focus_area_number(i) for i in range(5)] == ["一、", "二、", "三、", "四、", "五、"]
    assert [strategy_number(i) for i in (0, 5)] == ["（一）", "（六）"]
    assert [action_number(i) for i in (0, 1)] == ["1.", "2."]
    assert [sub_action_number(i) for i in (0, 9)] == ["（1）", "（10）"]


@pytest.mark.parametrize(
    "n, everyday, formal",
    [
        (10, "十", "拾"),
        (11, "十一", "拾壹"),
        (19, "十九", "拾玖"),
        (20, "二十", "貳拾"),
        (21, "二十一", "貳拾壹"),
        (100, "一百", "壹佰"),
        (101, "一百零一", "壹佰零壹"),
        (110, "一百一十", "壹佰壹拾"),
        (200, "二百", "貳佰"),
        (1005, "一千零五", "壹仟零伍"),
    ],
)
def test_numerals_past_ten(n, everyday, formal):
    assert chinese_numeral(n) == everyday
    assert chinese_numeral(n, formal=True) == formal


def test_examples_from_the_issue():
    assert section_number(10) == "拾壹、"
    assert focus_area_number(10) == "十一、"
    assert focus_area_number(19) == "二十、"
    assert strategy_number(11) == "（十二）"
    assert strategy_number(20) == "（二十一）"
    assert action_number(10) == "11."


@given(st.integers(1, 200))
def test_every_level_for_1_to_200(n):
    assert read_chinese(section_number(n - 1)[:-1]) == n
    assert read_chinese(focus_area_number(n - 1)[:-1]) == n
    assert read_chinese(strategy_number(n - 1)[1:-1]) == n
    assert action_number(n - 1) == f"{n}."
    assert sub_action_number(n - 1) == f"（{n}）"
    assert re.fullmatch(r"[壹貳參肆伍陸柒捌玖拾佰零]+、", section_number(n - 1))


def test_numbers_are_unique_for_1_to_200():
    for level in (section_number, focus_area_number, strategy_number):
        assert len({level(i) for i in range(200)}) == 200


def test_out_of_range_is_refused_with_a_message():
    with pytest.raises(ValueError, match="numbering runs from 1 to 9999"):
        chinese_numeral(0)


def test_numbers_follow_position_after_remove_and_move():
    doc = Document(small_content())
    assert all_numbers(doc.content)["s2"] == "（二）"
    doc.apply(Remove("fa1", 0))  # delete strategy （一）
    assert number_of(doc, doc.node("s2")) == "（一）"
    doc.apply(Move("s3", "fa1", 0))
    numbers = all_numbers(doc.content)
    assert (numbers["s3"], numbers["s2"]) == ("（一）", "（二）")
    assert numbers["fa2"] == "二、" and numbers["fs"] == "壹、" and numbers["cl"] == "貳、"
    assert "p1" not in numbers or numbers["p1"] == ""


def test_every_node_number_matches_the_single_pass():
    doc = Document(small_content())
    numbers = all_numbers(doc.content)
    for node_id in ["fs", "fa1", "fa2", "s1", "s2", "s3", "a1", "a1x", "a2", "cl"]:
        assert number_of(doc, doc.node(node_id)) == numbers[node_id]
    assert numbers["a1x"] == "（1）" and numbers["a2"] == "2."
