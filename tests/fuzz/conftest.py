"""Fixtures shared by the fuzz and hostile-input tests."""
from tests.session_support import jdir, plan_file  # noqa: F401 - fixtures of the session tests, found by pytest by name
