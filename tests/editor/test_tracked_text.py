"""The tracked document's token diff: numbers and Latin words replaced whole, and the same diff as
SequenceMatcher gives on the tokens wherever it takes its short cut (the bytes of the document
do not depend on which way the diff was found)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as hs

from editor.export.tracked_text import _TOKEN, _matched_tokens, token_diff
from schema.textdiff import DELETE, EQUAL, INSERT

# Small alphabets, so that repeated and shared tokens (where the short cut must not be taken) are common.
TEXTS = hs.text(alphabet=hs.sampled_from(["（", "）", "一", "二", "十", "三", "1", "0", "9", ".", "、", "a", "b", " "]),
                max_size=8)


@given(TEXTS, TEXTS)
def test_token_diff_is_sequence_matchers_diff_of_the_tokens(old, new):
    expected = ([(EQUAL, old)] if old else []) if old == new else _matched_tokens(_TOKEN.findall(old), _TOKEN.findall(new))
    assert token_diff(old, new) == expected


def test_renumbered_items_replace_the_changed_token_only():
    assert token_diff("（三）", "（四）") == [(EQUAL, "（"), (DELETE, "三"), (INSERT, "四"), (EQUAL, "）")]
    assert token_diff("10.", "9.") == [(DELETE, "10"), (INSERT, "9"), (EQUAL, ".")]
    assert token_diff("（一）", "（十一）") == [(EQUAL, "（"), (INSERT, "十"), (EQUAL, "一）")]
    assert token_diff("一、", "") == [(DELETE, "一、")]
    assert token_diff("一一", "一") == [(EQUAL, "一"), (DELETE, "一")]
