"""The official document's chart picture (架構圖): its PNG and size, painted in process or in a child
process while the command line writes the rest of the document.

The chart page is about a third of a command-line export of a 1,000-node plan: importing Qt,
finding the fonts, laying the chart out, painting it at 300 dpi and deflating the PNG. None of it
needs the document, but most of it holds Python's lock (Qt's painting calls do), so a thread
cannot run it beside the writing of the document's XML; a forked child can, on the machine's
other core. ``start_chart_picture`` forks only where that is safe and cheap: on Linux, in a
process that has not loaded Qt (the command line; the editor's window paints in process). The
child sends back the same bytes the process would have made itself; if it fails in any way, the
picture is made in process, which raises the real error (e.g. NoChineseFontError).
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
from dataclasses import dataclass

from editor.export.page_size import EMU_PER_INCH, EMU_PER_POINT, landscape_content_size
from schema.model import PlanDocument, Revision

CHART_DPI = 300
CHART_HEADING_ROOM = 36  # points: the chart heading's line and spacing above the picture
PICTURE_PARAGRAPH_ROOM = 24  # points: the picture's own paragraph


@dataclass(frozen=True)
class ChartPicture:
    """A chart as the document shows it: the PNG and its shown size (EMU)."""

    png: bytes
    width: int
    height: int


def chart_room(content_width: int, content_height: int) -> tuple[int, int]:
    """The largest picture (EMU) a section of this writable size holds below the chart heading."""
    return content_width, content_height - (PICTURE_PARAGRAPH_ROOM + CHART_HEADING_ROOM) * EMU_PER_POINT


def landscape_chart_room() -> tuple[int, int]:
    """chart_room of the official document's landscape chart page."""
    return chart_room(*landscape_content_size())


def render_picture(layout, room: tuple[int, int]) -> ChartPicture:
    """The laid-out chart as large as ``room`` (EMU) allows, keeping its proportions, at CHART_DPI."""
    from editor.export.chart_paint import png_bytes, render_image

    width, height = room
    if layout.width / layout.height >= width / height:
        shown_w, shown_h = width, int(width * layout.height / layout.width)
    else:
        shown_w, shown_h = int(height * layout.width / layout.height), height
    pixels = round(shown_w / EMU_PER_INCH * CHART_DPI)
    return ChartPicture(png_bytes(render_image(layout, pixels, dpi=CHART_DPI)), shown_w, shown_h)


def chart_picture(plan: PlanDocument, revision: Revision, room: tuple[int, int]) -> ChartPicture:
    """The chart of ``revision``, laid out, painted and encoded in this process."""
    from editor.export.chart_layout import layout_chart

    return render_picture(layout_chart(plan, revision), room)


class PendingChart:
    """A chart picture being made: ``result()`` waits for it (see the module docstring)."""

    def __init__(self, plan: PlanDocument, revision: Revision, room: tuple[int, int], child: tuple[int, int] | None):
        self._args = (plan, revision, room)
        self._child = child  # (process id, read end of its pipe), or None: made in process
        self._picture: ChartPicture | None = None

    def result(self) -> ChartPicture:
        if self._picture is None:
            picture = self._from_child() if self._child is not None else None
            self._picture = picture if picture is not None else chart_picture(*self._args)
        return self._picture

    def close(self) -> None:
        """Stop a child whose picture is no longer wanted (the export failed before its chart page)."""
        if self._child is not None:
            pid, fd = self._child
            self._child = None
            os.close(fd)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)

    def _from_child(self) -> ChartPicture | None:
        assert self._child is not None
        pid, fd = self._child
        self._child = None
        with os.fdopen(fd, "rb") as pipe:
            data = pipe.read()
        _pid, status = os.waitpid(pid, 0)
        if status != 0 or not data:
            return None
        picture = pickle.loads(data)
        return picture if isinstance(picture, ChartPicture) else None


def start_chart_picture(plan: PlanDocument, revision: Revision, room: tuple[int, int] | None = None) -> PendingChart:
    """Start making the chart picture of ``revision`` for a room of ``room`` EMU (default: the
    landscape chart page's): in a forked child when this process may fork (see the module
    docstring), else in process when ``result()`` is first asked for."""
    room = room or landscape_chart_room()
    may_fork = sys.platform.startswith("linux") and hasattr(os, "fork") and "PySide6.QtGui" not in sys.modules
    if not may_fork:
        return PendingChart(plan, revision, room, None)
    sys.stdout.flush()
    sys.stderr.flush()
    # Parent and child share the memory until either writes to a page; the cyclic collector writes
    # to every object it visits. Frozen, the plan and the modules are no longer visited by the
    # parent's collector, and the short-lived child runs without one: neither copies what it only reads.
    gc.freeze()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: paint, send the picture, leave without running the parent's exit handlers
        status = 1
        try:
            gc.disable()
            os.close(read_end)
            data = pickle.dumps(_paint_in_child(plan, revision, room), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as pipe:
                pipe.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return PendingChart(plan, revision, room, (pid, read_end))


def _paint_in_child(plan: PlanDocument, revision: Revision, room: tuple[int, int]) -> ChartPicture:
    return chart_picture(plan, revision, room)
