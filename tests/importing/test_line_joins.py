"""A PDF's text has no space at a line's end: lines are joined with a space between two Latin words,
nothing between Chinese characters, and between Chinese and a Latin word or a number as the document
writes them elsewhere (schema.importer_text.Spacing)."""
from __future__ import annotations

import pytest

from editor.importing.sources import import_file
from schema.importer_text import Spacing, join_text
from tests.importing.material import SPACED

SPACED_WORDS = Spacing(words=True, numbers=False)


@pytest.mark.parametrize("before, after, spacing, joined", [
    ("smart", "city", Spacing(), "smart city"),
    ("推動", "智慧城市", SPACED_WORDS, "推動智慧城市"),
    ("推動", "smart city", SPACED_WORDS, "推動 smart city"),
    ("推動", "smart city", Spacing(), "推動smart city"),
    ("結合 5G", "應用", SPACED_WORDS, "結合 5G 應用"),
    ("於108", "年", SPACED_WORDS, "於108年"),
    ("於", "108年", Spacing(numbers=True), "於 108年"),
    ("服務，", "smart", SPACED_WORDS, "服務，smart"),
    ("AI、", "IoT", SPACED_WORDS, "AI、IoT"),
])
def test_join_text(before, after, spacing, joined):
    assert join_text(before, after, spacing) == joined


def test_the_documents_habit_is_what_most_of_its_boundaries_do():
    assert Spacing.of(["以 AI 為主軸，於108年及 YouBike 2.0", "結合 5G 應用"]) == Spacing(words=True, numbers=False)
    assert Spacing.of(["運用AI智能，結合5G應用", "以 AI 為主軸"]) == Spacing(words=False, numbers=False)
    assert Spacing.of(["於 108 年至 111 年"]) == Spacing(words=False, numbers=True)
    assert Spacing.of(["智慧城市"]) == Spacing()


def test_latin_words_split_at_a_pdf_line_end_keep_their_spaces(material):
    """LibreOffice's PDF of the same paragraph after 0–29 characters of padding breaks its lines at
    every kind of place: between Latin words, between Chinese and Latin, inside Chinese."""
    result = import_file(material["spacing.pdf"])
    body = result.plan.revisions[0].content.focus.focus_areas[0].strategies[0].body.split("\n")
    assert [line.lstrip("推") for line in body] == [SPACED] * 30
