"""What the tests of the editing session share: a small saved plan and a recovery folder (pytest fixtures,
imported by name into the test modules that use them) and the journal's lines as data."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from editor.ui.session.session import EditSession
from schema.fileio import save_plan
from schema.model import Period, PlanDocument, Revision
from tests.schema.plans import small_content


@pytest.fixture
def plan_file(tmp_path) -> Path:
    """The small plan saved as plans/small.plan.json."""
    path = tmp_path / "plans" / "small.plan.json"
    path.parent.mkdir()
    save_plan(PlanDocument(title="測試計畫", period=Period(start=108, end=111), draft=Revision(content=small_content())), path)
    return path


@pytest.fixture
def jdir(tmp_path) -> Path:
    """The recovery folder (journals, base copies, locks)."""
    return tmp_path / "recovery"


def journal_lines(session: EditSession) -> list[dict]:
    return [json.loads(line) for line in session.journal_path.read_text("utf-8").splitlines()]
