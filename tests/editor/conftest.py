"""Fixtures shared by the window's tests."""
from tests.editor.ooxml_support import validator  # noqa: F401 - the .docx tests' validator, found by pytest by name
from tests.editor.ui_support import isolated_settings  # noqa: F401 - a fixture, found by pytest by name
from tests.session_support import jdir, plan_file  # noqa: F401 - fixtures of the session tests (test_locking has its own plan_file)
