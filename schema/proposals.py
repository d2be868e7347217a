"""Proposals (修正建議): changes someone suggested that the plan has not taken yet.

A proposal comes from a reviewer's Word document (tracked insertions, deletions and comments,
``source="review"``), from a three-way merge whose two sides disagreed (the side that was not
applied, ``source="merge"``), or from staff commenting on a node (``source="staff"``). It is
kept in the plan file, pending until someone accepts, rejects or (for comments) resolves it;
a decided proposal stays in the file as history.

A text proposal names the node, the field and the old and new text of that field. A structural
proposal (a node to insert, remove or move) carries the document operation that accepting it
applies, as ``schema.operations.to_json`` writes it. Accepting or rejecting is itself an
ordinary document operation (see ``docs/architecture.md``, "the one edit path").
"""
from __future__ import annotations

from typing import Literal

from pydantic import Field

from schema.base import _Model, new_id

ProposalKind = Literal["insert", "delete", "replace", "comment", "insert_node", "remove_node", "move_node"]
ProposalSource = Literal["review", "merge", "staff"]
ProposalStatus = Literal["pending", "accepted", "rejected", "resolved"]


class Reply(_Model):
    """A reply in a comment's thread."""

    author: str = ""
    date: str = Field("", description="ISO date and time, e.g. 2020-06-30T10:00:00Z")
    text: str = ""


class Proposal(_Model):
    """One suggested change (or comment) on one node of the working draft."""

    id: str = Field(default_factory=new_id, min_length=1)
    source: ProposalSource = "review"
    kind: ProposalKind = "replace"
    status: ProposalStatus = "pending"
    node_id: str = Field("", description="the node it falls in; empty when it could not be placed")
    field: str = Field("", description="the node's text field (title, body, text, ...); empty for a whole node")
    author: str = ""
    date: str = Field("", description="ISO date and time, e.g. 2020-06-30T10:00:00Z")
    old: str = Field("", description="the field's text before the change (for a text proposal)")
    new: str = Field("", description="the field's text after the change (for a text proposal)")
    comment: str = Field("", description="the comment's text (kind comment)")
    anchor: str = Field("", description="the text a comment is anchored to")
    replies: list[Reply] = Field(default_factory=list)
    operation: dict | None = Field(None, description="for a structural proposal: the operation accepting it applies")
    reason: str = Field("", description="why it is a proposal, e.g. which merge conflict left it")
