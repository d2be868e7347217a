"""What every model of a plan file shares: the pydantic base class and fresh ids.

Kept apart from :mod:`schema.model` so that the models of proposals (``schema.proposals``), which
the plan document holds, can build on it without importing the module that imports them.
"""
from __future__ import annotations

import uuid

from pydantic import BaseModel, ConfigDict


def new_id() -> str:
    """A fresh node id: 12 hex digits, random, so that ids never collide across revisions."""
    return uuid.uuid4().hex[:12]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
