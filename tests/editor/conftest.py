"""Fixtures shared by the window's tests."""
from tests.editor.ui_support import isolated_settings  # noqa: F401 - a fixture, found by pytest by name
