"""Paint a ChartLayout with QPainter, and write the chart as SVG, PNG or PDF.

``paint_chart`` draws on any device (an image, an SVG generator, a PDF writer, a widget in the
editor's preview); ``write_chart`` picks the device from the file's suffix.
"""
from __future__ import annotations

import math
import os
import struct
import threading
import zlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgGenerator

from editor.export.chart_layout import ChartLayout, layout_chart
from editor.export.output import save_bytes

if TYPE_CHECKING:  # not imported by the child process that paints the chart (chart_picture)
    from schema.model import PlanDocument, Revision

CHART_SUFFIXES = (".svg", ".png", ".pdf")
PNG_DPI = 300
MAX_PNG_PIXELS = 40_000_000  # about 160 MB of image memory; huge charts get a lower resolution
MAX_PNG_SIDE = 32_000  # QImage's limit is 32767

# (fill, border, text) per role; a sober palette that prints well in greyscale.
STYLE = {
    "title": (None, None, "#000000"),
    "header": ("#1f4e79", "#1f4e79", "#ffffff"),
    "goals": ("#fbe5d6", "#c55a11", "#000000"),
    "focus": ("#ddebf7", "#2e75b6", "#000000"),
    "strategy": ("#ffffff", "#2e75b6", "#000000"),
}
CONNECTOR_COLOR = "#404040"
# The SVG names Kai faces by every name they go by, so it renders in Kai on Windows (標楷體 /
# DFKai-SB), macOS (BiauKai) and Linux (AR PL UKai TW), then falls back to any serif face.
SVG_FONT_FALLBACK = ("標楷體", "DFKai-SB", "BiauKai", "AR PL UKai TW", "serif")


class UnsupportedChartFormatError(ValueError):
    """The chart file's suffix is not .svg, .png or .pdf; ``str()`` is one sentence."""


def chart_format(path: str | os.PathLike) -> str:
    """'svg', 'png' or 'pdf' from the suffix (any case), else UnsupportedChartFormatError."""
    suffix = Path(path).suffix.lower()
    if suffix not in CHART_SUFFIXES:
        raise UnsupportedChartFormatError(
            f"{path}: the chart can be written as .svg, .png or .pdf, not {suffix or 'a file without a suffix'}."
        )
    return suffix[1:]


def paint_chart(painter: QPainter, layout: ChartLayout, target: QRectF | None = None, *, background: str | None = "#ffffff") -> None:
    """Paint the chart into ``target`` (device coordinates; default: at the layout's own size).

    The chart is scaled uniformly to fit ``target`` and centred in it.
    """
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    if target is not None:
        scale = min(target.width() / layout.width, target.height() / layout.height)
        painter.translate(
            target.left() + (target.width() - layout.width * scale) / 2,
            target.top() + (target.height() - layout.height * scale) / 2,
        )
        painter.scale(scale, scale)
    if background:
        painter.fillRect(QRectF(0, 0, layout.width, layout.height), QColor(background))

    pen = QPen(QColor(CONNECTOR_COLOR), 1.2)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for polyline in layout.connectors:
        for a, b in zip(polyline, polyline[1:]):
            painter.drawLine(a, b)

    for box in layout.boxes:
        fill, border, text_color = STYLE[box.role]
        if fill or border:
            painter.setPen(QPen(QColor(border), 1.0) if border else Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(fill)) if fill else Qt.BrushStyle.NoBrush)
            radius = 4.0 if box.role in ("focus", "strategy", "goals") else 2.0
            painter.drawRoundedRect(box.rect, radius, radius)
        painter.setFont(layout.fonts[box.role])
        painter.setPen(QColor(text_color))
        for line in box.lines:
            painter.drawText(line.origin, line.text)
    painter.restore()


def render_image(layout: ChartLayout, width_px: int | None = None, *, dpi: float = PNG_DPI) -> QImage:
    """The chart as an image, ``width_px`` wide (default: ``dpi`` dots per inch of the layout's points)."""
    scale = (width_px / layout.width) if width_px else dpi / 72.0
    pixels = layout.width * layout.height * scale * scale
    if pixels > MAX_PNG_PIXELS:
        scale *= math.sqrt(MAX_PNG_PIXELS / pixels)
    scale = min(scale, MAX_PNG_SIDE / layout.width, MAX_PNG_SIDE / layout.height)
    size = QSize(max(1, math.floor(layout.width * scale)), max(1, math.floor(layout.height * scale)))
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    painter = QPainter(image)
    try:
        paint_chart(painter, layout, QRectF(0, 0, size.width(), size.height()))
    finally:
        painter.end()
    return image


PNG_COMPRESSION = 1  # zlib's fastest level: twice as fast as Qt's PNG writer, a file of about the same size
PNG_PIECES = 2  # the scanlines are deflated in this many pieces at once (a fixed number: the bytes never depend on the machine)


def png_bytes(image: QImage) -> bytes:
    """``image`` as a PNG file: 8-bit RGB scanlines without filters, deflated at a fast level.

    Qt's own writer filters and compresses harder (210 of 304 ms for the sample's chart); the
    chart is mostly flat colour, which deflate's fastest level handles well. The scanlines are
    deflated in PNG_PIECES pieces, each in a thread of its own (zlib works without Python's lock,
    so the pieces use both cores), and joined as pigz joins them: every piece but the last ends
    on a byte boundary (a sync flush) and the stream's checksum is combined from the pieces'.
    The bytes depend on the pixels alone, so an unchanged chart gives an identical file.
    """
    rgb = image.convertToFormat(QImage.Format.Format_RGB888)
    width, height, stride = rgb.width(), rgb.height(), rgb.bytesPerLine()
    pixels = memoryview(rgb.constBits())
    starts = range(0, height * stride, stride)
    cuts = [height * k // PNG_PIECES for k in range(PNG_PIECES + 1)]
    results: list[tuple[bytes, int]] = [(b"", 1)] * PNG_PIECES

    def deflate(k: int) -> None:
        results[k] = _deflate_rows(pixels, starts[cuts[k]:cuts[k + 1]], width * 3, last=k == PNG_PIECES - 1)

    threads = [threading.Thread(target=deflate, args=(k,)) for k in range(1, PNG_PIECES)]
    for thread in threads:
        thread.start()
    deflate(0)
    for thread in threads:
        thread.join()
    checksum = results[0][1]
    for k in range(1, PNG_PIECES):
        checksum = _adler32_combine(checksum, results[k][1], (cuts[k + 1] - cuts[k]) * (width * 3 + 1))
    stream = b"".join((_ZLIB_HEADER, *(deflated for deflated, _checksum in results), struct.pack(">I", checksum)))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)  # 8-bit RGB, not interlaced
    dots_x, dots_y = max(image.dotsPerMeterX(), 0), max(image.dotsPerMeterY(), 0)
    density = struct.pack(">IIB", dots_x, dots_y, 1)  # pixels per metre: readers know the resolution
    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        _png_chunk(b"IHDR", header),
        _png_chunk(b"pHYs", density),
        _png_chunk(b"IDAT", stream),
        _png_chunk(b"IEND", b""),
    ))


_ZLIB_HEADER = b"\x78\x01"  # deflate with a 32 KB window, "fastest" level: what zlib writes at level 1
_ADLER_BASE = 65521


def _deflate_rows(pixels: memoryview, starts: range, row: int, *, last: bool) -> tuple[bytes, int]:
    """Raw deflate of the scanlines that start at ``starts`` in ``pixels``, each after its filter type
    byte (0: none), ending on a byte boundary unless ``last``; and their Adler-32. Fed row by row
    straight from the image: no copy of all the pixels (120 MB for a chart at the size cap)."""
    compressor = zlib.compressobj(PNG_COMPRESSION, zlib.DEFLATED, -15)
    compress, adler32 = compressor.compress, zlib.adler32
    parts, checksum = [], 1
    for start in starts:
        line = b"\x00" + pixels[start:start + row]
        parts.append(compress(line))
        checksum = adler32(line, checksum)
    parts.append(compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH))
    return b"".join(parts), checksum


def _adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two pieces joined, from each one's (zlib's adler32_combine)."""
    remainder = second_length % _ADLER_BASE
    low = first & 0xFFFF
    high = (remainder * low) % _ADLER_BASE
    low += (second & 0xFFFF) + _ADLER_BASE - 1
    high += (first >> 16) + (second >> 16) + _ADLER_BASE - remainder
    return ((high % _ADLER_BASE) << 16) | (low % _ADLER_BASE)


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def svg_bytes(layout: ChartLayout, title: str = "") -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setResolution(72)  # one SVG unit per point, so the file's size is the chart's size
    size = QSize(math.ceil(layout.width), math.ceil(layout.height))
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title or layout.data.title)
    generator.setDescription("架構圖")
    painter = QPainter(generator)
    try:
        paint_chart(painter, layout)
    finally:
        painter.end()
    buffer.close()
    return _with_font_fallback(bytes(data.data()), layout.family)


def svg_font_family(family: str) -> str:
    """The SVG font-family value: the Kai names of SVG_FONT_FALLBACK, the measured family among them."""
    names = list(SVG_FONT_FALLBACK)
    if family not in names:
        names.insert(len(names) - 1, family)
    return ", ".join(f"'{name}'" if " " in name else name for name in names)


def _with_font_fallback(svg: bytes, family: str) -> bytes:
    # QSvgGenerator writes the one family it painted with; attribute values are XML-escaped by it.
    from xml.sax.saxutils import escape

    written = f'font-family="{escape(family)}"'.encode()
    return svg.replace(written, f'font-family="{escape(svg_font_family(family))}"'.encode())


def pdf_bytes(layout: ChartLayout, title: str = "") -> bytes:
    """One page: A4 landscape when the chart fits it, else a page of the chart's own size."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title or layout.data.title)
    writer.setCreator("plan-editor")
    writer.setResolution(600)
    a4 = QPageSize(QPageSize.PageSizeId.A4)
    a4_landscape = a4.size(QPageSize.Unit.Point).transposed()
    if layout.width <= a4_landscape.width() + 0.5 and layout.height <= a4_landscape.height() + 0.5:
        writer.setPageLayout(QPageLayout(a4, QPageLayout.Orientation.Landscape, QMarginsF(0, 0, 0, 0)))
    else:
        custom = QPageSize(QSizeF(layout.width, layout.height), QPageSize.Unit.Point, "chart", QPageSize.SizeMatchPolicy.ExactMatch)
        writer.setPageLayout(QPageLayout(custom, QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    painter = QPainter(writer)
    try:
        device = QRectF(0, 0, writer.width(), writer.height())
        paint_chart(painter, layout, device)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def chart_bytes(layout: ChartLayout, fmt: str) -> bytes:
    if fmt == "svg":
        return svg_bytes(layout)
    if fmt == "pdf":
        return pdf_bytes(layout)
    return png_bytes(render_image(layout))


def write_chart(plan: PlanDocument, revision: Revision | None, path: str | os.PathLike) -> Path:
    """Write the chart of ``revision`` (None: the working draft) as SVG, PNG or PDF by suffix.

    Raises UnsupportedChartFormatError before anything is drawn, NoChineseFontError when no Chinese
    font exists, PlanFileError when the file cannot be written (an old file stays intact).
    """
    fmt = chart_format(path)
    layout = layout_chart(plan, revision)
    path = Path(path)
    save_bytes(path, chart_bytes(layout, fmt))
    return path
