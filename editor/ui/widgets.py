"""Small typed helpers for the window's widgets and item models, where PySide6's stubs say less than PySide6.

- PySide6 takes any Qt property of a class or of its bases as a keyword of its constructor
  (``QLabel(objectName="x")``), but its stubs list only the class's own properties, so a property of
  a base (``objectName`` of QObject, ``checked`` of QAbstractButton) fails the type check.
  :func:`named` gives the object name, which nearly every widget the tests look up needs.
- Qt hands an item model's methods either kind of index: :data:`ModelIndex` is the type their
  overrides take (the stubs of QAbstractItemModel say so; an override taking only QModelIndex is
  narrower than the method it replaces).
"""
from __future__ import annotations

from typing import TypeAlias, TypeVar

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex

Named = TypeVar("Named", bound=QObject)
ModelIndex: TypeAlias = QModelIndex | QPersistentModelIndex


def named(obj: Named, name: str) -> Named:
    """``obj`` with its object name set to ``name`` (the name tests and saved window states find it by)."""
    obj.setObjectName(name)
    return obj
