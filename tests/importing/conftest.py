"""The importer's test material, made once per test session (LibreOffice is slow: two runs in all)."""
from __future__ import annotations

import pytest

from tests.importing.material import write_all


@pytest.fixture(scope="session")
def material(tmp_path_factory):
    return write_all(tmp_path_factory.mktemp("import-material"))
