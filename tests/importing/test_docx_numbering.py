"""Numbers that Word's list numbering draws (numbering.xml), computed: formats, restarts, two lists, styles."""
from __future__ import annotations

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from editor.importing.docx_numbering import format_number
from editor.importing.docx_reader import read_docx


def _el(tag: str, **attrs) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), str(value))
    return element


def _abstract(aid: int, levels: list[tuple[str, str, int | None]], restart: dict[int, int] | None = None):
    abstract = _el("w:abstractNum", abstractNumId=aid)
    for ilvl, (fmt, text, start) in enumerate(levels):
        lvl = _el("w:lvl", ilvl=ilvl)
        lvl.append(_el("w:start", val=start or 1))
        lvl.append(_el("w:numFmt", val=fmt))
        if restart and ilvl in restart:
            lvl.append(_el("w:lvlRestart", val=restart[ilvl]))
        lvl.append(_el("w:lvlText", val=text))
        abstract.append(lvl)
    return abstract


def _num(num_id: int, aid: int, start_override: dict[int, int] | None = None):
    num = _el("w:num", numId=num_id)
    num.append(_el("w:abstractNumId", val=aid))
    for ilvl, start in (start_override or {}).items():
        override = _el("w:lvlOverride", ilvl=ilvl)
        override.append(_el("w:startOverride", val=start))
        num.append(override)
    return num


@pytest.fixture
def document(tmp_path):
    doc = Document()
    numbering = doc.part.numbering_part.element
    for child in list(numbering):
        numbering.remove(child)
    # list A: 壹、 / 一、 / （一） / 1. — its fourth level never restarts (lvlRestart 0)
    numbering.append(_abstract(1, [("ideographLegalTraditional", "%1、", None), ("taiwaneseCountingThousand", "%2、", None),
                                   ("chineseCounting", "（%3）", None), ("decimal", "%4.", None)], restart={3: 0}))
    # list B: full-width digits from 3, and 甲 乙 丙
    numbering.append(_abstract(2, [("decimalFullWidth", "%1．", 3), ("ideographTraditional", "%2、", None)]))
    numbering.append(_num(1, 1))
    numbering.append(_num(2, 2))
    numbering.append(_num(3, 1, start_override={0: 1}))  # Word's "restart at 1" of list A
    numbering.append(_num(4, 1))  # another instance of list A without override: counts on
    # a paragraph style linked to list B, level 2
    style = doc.styles.add_style("Goal Item", 1)
    num_pr = style.element.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_numId().val = 2
    num_pr.get_or_add_ilvl().val = 1

    def para(text, num_id=None, ilvl=0, style_name=None):
        p = doc.add_paragraph(text, style=style_name)
        if num_id is not None:
            pr = p._p.get_or_add_pPr().get_or_add_numPr()
            pr.get_or_add_ilvl().val = ilvl
            pr.get_or_add_numId().val = num_id

    para("甲段", 1, 0)
    para("乙段", 1, 1)
    para("丙段", 1, 2)
    para("丁段", 1, 3)
    para("戊段", 1, 3)
    para("己段", 1, 2)
    para("庚段", 1, 3)  # lvlRestart 0: 3., not 1.
    para("辛段", 1, 1)  # 二、 and the levels below restart…
    para("壬段", 1, 2)  # （一）
    para("清單乙", 2, 0)  # list B: its own counter, from 3
    para("清單乙二", 2, 1)
    para("樣式連結", style_name="Goal Item")  # numbered through its style: 乙、
    para("再一段", 4, 0)  # list A counts on: 貳、
    para("重新開始", 3, 0)  # restart at 1: 壹、
    para("重新之下", 3, 1)
    para("無編號")
    path = tmp_path / "lists.docx"
    doc.save(str(path))
    return path


def test_labels_follow_levels_restarts_and_two_lists(document):
    texts = [line.text for line in read_docx(document).lines]
    assert texts == [
        "壹、 甲段", "一、 乙段", "（一） 丙段", "1. 丁段", "2. 戊段", "（二） 己段", "3. 庚段", "二、 辛段", "（一） 壬段",
        "３． 清單乙", "甲、 清單乙二", "乙、 樣式連結", "貳、 再一段", "壹、 重新開始", "一、 重新之下", "無編號",
    ]


@pytest.mark.parametrize("n, fmt, text", [
    (1, "taiwaneseCountingThousand", "一"), (11, "taiwaneseCountingThousand", "十一"), (20, "chineseCounting", "二十"),
    (101, "taiwaneseCountingThousand", "一百零一"), (3, "ideographLegalTraditional", "參"), (12, "ideographLegalTraditional", "拾貳"),
    (12, "decimalFullWidth", "１２"), (7, "decimal", "7"), (4, "upperRoman", "IV"), (2, "lowerLetter", "b"), (5, "bullet", ""),
])
def test_number_formats(n, fmt, text):
    assert format_number(n, fmt) == text
