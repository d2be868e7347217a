"""The window, the writers and the checks keep out exactly the same characters: schema.xml_chars."""
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from editor.export.textclean import clean_text, is_clean
from editor.ui.text import strip_controls
from schema.checks import run_checks
from schema.model import Paragraph, PlanContent

pieces = st.one_of(
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters="\r"), max_size=4),
    st.sampled_from(["\x00", "\x08", "\x0b", "\x0c", "\x1f", "\ud800", "\udfff", "\ufffe", "\uffff", "\t", "\n"]),
)


@given(st.lists(pieces, max_size=10))
def test_window_writers_and_checks_agree_on_what_a_word_document_cannot_hold(parts):
    text = "".join(parts)
    typed, removed = strip_controls(text)
    assert clean_text(text) == typed  # no carriage returns here: clean_text also normalises line ends
    assert is_clean(typed) and is_clean(text) == (removed == 0)
    if any("\ud800" <= c <= "\udfff" for c in text):  # the model itself refuses a lone surrogate (issue 16)
        with pytest.raises(ValidationError, match="unable to parse raw data as a unicode string"):
            Paragraph(id="p1", text=text)
        return
    content = PlanContent()
    content.preface.paragraphs = [Paragraph(id="p1", text=text or "空")]
    found = [f for f in run_checks(content) if f.code == "invalid-character"]
    bad = sorted({c for c in text if c not in typed})
    assert [f.message for f in found] == ([f"文字含有無法寫入 Word 文件的字元：{'、'.join(f'U+{ord(c):04X}' for c in bad)}。"] if bad else [])
