"""Guards against a known-bad Qt binding: PySide6 6.12.0 on CPython 3.11 drops a reference to
None on every Qt method that returns nothing, so a long editing session aborts the process
with 'none_dealloc'. pyproject.toml excludes that release; this proves the installed one is sound."""
import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(5000):
        label.setText("施政")
    # The broken release loses exactly one reference per call (-5000); allow the few that
    # ordinary interpreter bookkeeping moves around.
    assert abs(sys.getrefcount(None) - before) < 50
