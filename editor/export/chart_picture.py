"""The official document's chart picture (架構圖): its PNG and size, painted in process or in a child
process while the command line writes the rest of the document.

The chart page is about a third of a command-line export of a 1,000-node plan: importing Qt,
finding the fonts, laying the chart out, painting it at 300 dpi and deflating the PNG. None of it
needs the document, but most of it holds Python's lock (Qt's painting calls do), so a thread
cannot run it beside the writing of the document's XML; a forked child can, on the machine's
other core. Forking is done only where it is safe and cheap: on Linux, in a process that has not
loaded Qt (the command line; the editor's window paints in process).

``start_chart_child`` forks at the very start of ``plan-editor export --docx``, before the parent
imports pydantic and the models and validates the plan: the child imports Qt and loads the fonts
meanwhile, then waits for the chart's plain data (``ChartChild.send``: chart_data.ChartData and the
room, pickled over a pipe) and lays out, paints and encodes it. ``start_chart_picture`` forks once
the plan is loaded. Either way the child sends back the same bytes the process would have made
itself; if it fails in any way, the picture is made in process, which raises the real error (e.g.
NoChineseFontError, one sentence). A child whose picture is no longer wanted (the plan was
refused, the export failed) is killed and waited for, never left a zombie.
"""
from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from editor.export.page_size import EMU_PER_INCH, EMU_PER_POINT, landscape_content_size

if TYPE_CHECKING:  # pydantic and the models: not in the child, which may start before they are imported
    from editor.export.chart_data import ChartData
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


def may_fork() -> bool:
    """Whether the chart may be painted in a forked child (see the module docstring)."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and "PySide6.QtGui" not in sys.modules


def _fork() -> int:
    sys.stdout.flush()
    sys.stderr.flush()
    # Parent and child share the memory until either writes to a page; the cyclic collector writes
    # to every object it visits. Frozen, the parent's objects are no longer visited by its
    # collector, and the short-lived child runs without one: neither copies what it only reads.
    gc.freeze()
    return os.fork()


def start_chart_picture(plan: PlanDocument, revision: Revision, room: tuple[int, int] | None = None) -> PendingChart:
    """Start making the chart picture of ``revision`` for a room of ``room`` EMU (default: the
    landscape chart page's): in a forked child when this process may fork (see the module
    docstring), else in process when ``result()`` is first asked for."""
    room = room or landscape_chart_room()
    if not may_fork():
        return PendingChart(plan, revision, room, None)
    read_end, write_end = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: paint, send the picture, leave without running the parent's exit handlers
        status = 1
        try:
            gc.disable()
            os.close(read_end)
            _send_picture(write_end, _paint_in_child(plan, revision, room))
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    return PendingChart(plan, revision, room, (pid, read_end))


def _paint_in_child(plan: PlanDocument, revision: Revision, room: tuple[int, int]) -> ChartPicture:
    return chart_picture(plan, revision, room)


class ChartChild:
    """A child forked before the plan is loaded, getting Qt and the fonts ready (``start_chart_child``)."""

    def __init__(self, pid: int, data_end: int, picture_end: int):
        self._pid = pid
        self._data_end: int | None = data_end  # the pipe the chart's data goes down
        self._picture_end: int | None = picture_end  # the pipe the picture comes back up

    def send(self, plan: PlanDocument, revision: Revision, room: tuple[int, int] | None = None) -> PendingChart:
        """Hand the child the chart of ``revision`` to make; the picture is the pending chart's result."""
        from editor.export.chart_data import chart_data

        room = room or landscape_chart_room()
        assert self._data_end is not None and self._picture_end is not None, "a chart child makes one picture"
        data = pickle.dumps((chart_data(plan, revision), room), protocol=pickle.HIGHEST_PROTOCOL)
        data_end, self._data_end = self._data_end, None
        try:
            with os.fdopen(data_end, "wb") as pipe:
                pipe.write(data)
        except OSError:  # the child is gone (e.g. Qt failed to start): the picture is made in process
            pass
        picture_end, self._picture_end = self._picture_end, None
        return PendingChart(plan, revision, room, (self._pid, picture_end))

    def close(self) -> None:
        """Stop the child before it was sent anything (the plan was refused, or the export failed)."""
        if self._data_end is None:
            return
        for fd in (self._data_end, self._picture_end):
            if fd is not None:
                os.close(fd)
        self._data_end = self._picture_end = None
        os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)


def start_chart_child() -> ChartChild | None:
    """Fork a child that imports Qt and loads the fonts now, and paints the chart it is sent later
    (``ChartChild.send``); None where this process may not fork (see the module docstring)."""
    if not may_fork():
        return None
    data_read, data_write = os.pipe()
    picture_read, picture_write = os.pipe()
    pid = _fork()
    if pid == 0:  # the child: never returns (os._exit), never runs the parent's exit handlers
        status = 1
        try:
            gc.disable()
            os.close(data_write)
            os.close(picture_read)
            picture = _paint_when_sent(data_read)
            if picture is not None:
                _send_picture(picture_write, picture)
            status = 0
        finally:
            os._exit(status)
    os.close(data_read)
    os.close(picture_write)
    return ChartChild(pid, data_write, picture_read)


def _paint_when_sent(data_end: int) -> ChartPicture | None:
    """The child's work: get ready while the data comes (read by a thread, so that the parent never
    waits on a full pipe), then lay out, paint and encode it; None when the parent sent nothing."""
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(_read_all(data_end)))
    reader.start()
    _prepare_qt()
    reader.join()
    if not received[0]:
        return None
    data, room = pickle.loads(received[0])
    return _paint_data_in_child(data, room)


def _prepare_qt() -> None:
    """What every chart needs before its data: Qt's modules, the application, the chart's font."""
    from editor.export.chart_paint import render_image  # noqa: F401 - imported now, used when the data comes
    from editor.export.fonts import choose_chart_family

    choose_chart_family()


def _paint_data_in_child(data: ChartData, room: tuple[int, int]) -> ChartPicture:
    from editor.export.chart_layout import layout_chart

    return render_picture(layout_chart(data), room)


def _read_all(fd: int) -> bytes:
    with os.fdopen(fd, "rb") as pipe:
        return pipe.read()


def _send_picture(fd: int, picture: ChartPicture) -> None:
    data = pickle.dumps(picture, protocol=pickle.HIGHEST_PROTOCOL)
    with os.fdopen(fd, "wb") as pipe:
        pipe.write(data)
