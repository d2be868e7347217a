"""What every model of a plan file shares: the pydantic base class and fresh ids.

Kept apart from :mod:`schema.model` so that the models of proposals (``schema.proposals``), which
the plan document holds, can build on it without importing the module that imports them.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from schema.file_limits import MAX_TEXT_CHARS
from schema.rules import new_id as new_id  # the models' ids, used from here


class _Model(BaseModel):
    # Every text is bounded (see schema.file_limits), and no number is infinite or NaN: JSON has
    # no way to write them, so such a plan could be saved but never opened again.
    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_max_length=MAX_TEXT_CHARS, allow_inf_nan=False)
