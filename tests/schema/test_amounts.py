"""Amounts in 千元: what a user types is read the same way everywhere and written back the same way."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema.amounts import DECIMALS, UNIT, AmountError, format_amount, format_with_unit, parse_amount


@pytest.mark.parametrize("amount, text", [
    (1234.5, "1,234.5"), (12500, "12,500"), (12500.0, "12,500"), (0.1 + 0.2, "0.3"), (0, "0"),
    (1_000_000_000, "1,000,000,000"), (0.001, "0.001"), (1234.5678, "1,234.568"),
])
def test_amounts_are_written_with_separators_and_only_the_decimals_they_have(amount, text):
    assert format_amount(amount) == text


def test_the_unit_follows_the_number_as_the_published_tables_print_it():
    assert UNIT == "千元"
    assert format_with_unit(1234.5) == "1,234.5千元"


@pytest.mark.parametrize("text, amount", [
    ("12,500", 12500.0), (" 800 ", 800.0), ("1234.5", 1234.5), ("１２３４．５", 1234.5), (".5", 0.5), ("3.000", 3.0),
])
def test_typed_amounts_are_read(text, amount):
    assert parse_amount(text) == amount


@pytest.mark.parametrize("text, code, message", [
    ("abc", "not_a_number", "'abc' is not a number (amounts are in NT$ thousand)"),
    ("很多", "not_a_number", "'很多' is not a number (amounts are in NT$ thousand)"),
    ("inf", "not_a_number", "'inf' is not a number (amounts are in NT$ thousand)"),
    ("1e5", "not_a_number", "'1e5' is not a number (amounts are in NT$ thousand)"),
    ("-5", "negative", "'-5' is negative: an amount is 0 or more"),
    ("1.2345", "too_precise", "'1.2345' has more than 3 decimals (0.001 NT$ thousand is one NT$)"),
])
def test_what_is_not_an_amount_is_refused_with_a_code_and_the_text(text, code, message):
    with pytest.raises(AmountError) as caught:
        parse_amount(text)
    assert (caught.value.code, caught.value.text, str(caught.value)) == (code, text, message)


@given(st.integers(0, 10**12), st.integers(0, 10**DECIMALS - 1))
def test_every_written_amount_reads_back_as_the_same_amount(whole, thousandths):
    amount = whole + thousandths / 10**DECIMALS
    assert parse_amount(format_amount(amount)) == round(amount, DECIMALS)
