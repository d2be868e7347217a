"""Writers of files for people: the official Word document and the framework chart (架構圖).

Never imports editor.ui: the command line and the editor share these writers.
"""
from __future__ import annotations

import sys


def _keep_none_alive() -> None:
    """Work around PySide6 6.12 on CPython 3.11: its void methods return None without a new reference.

    Every QPainter.setPen, drawRect, QRectF.setWidth … then lowers None's reference count by one,
    and after some thousands of calls (a chart of 1,000 strategies) CPython aborts with
    "Fatal Python error: none_dealloc". CPython 3.12 made None immortal; on 3.11 we give it a
    reference count no program can exhaust. Harmless where the bug is absent.
    """
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return
    import ctypes

    count = ctypes.c_ssize_t.from_address(id(None))  # ob_refcnt, the first field of every object
    if count.value < 1 << 40:
        count.value += 1 << 40


_keep_none_alive()
