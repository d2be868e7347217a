"""The official document's page in EMU (English Metric Units: 914,400 an inch, 360,000 a centimetre,
12,700 a point), without python-docx: A4 with 2.5 cm margins (styles.page_setup uses these), so that
a process that has not imported python-docx (the chart's painter, chart_picture) knows the page too."""
from __future__ import annotations

EMU_PER_INCH = 914_400
EMU_PER_POINT = 12_700
EMU_PER_TWIP = 635  # Word stores page sizes and margins in twips (1/20 point)
A4_WIDTH = 7_560_000  # 21.0 cm
A4_HEIGHT = 10_692_000  # 29.7 cm
MARGIN = 900_000  # 2.5 cm


def landscape_content_size() -> tuple[int, int]:
    """The writable width and height of a landscape A4 page (EMU), as a section read back from its
    XML gives them (styles.content_size): each length rounded to whole twips."""
    width, height, margin = (_in_twips(length) for length in (A4_HEIGHT, A4_WIDTH, MARGIN))
    return width - 2 * margin, height - 2 * margin


def _in_twips(emu: int) -> int:
    return round(emu / EMU_PER_TWIP) * EMU_PER_TWIP
