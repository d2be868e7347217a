"""Fonts for exports: the Chinese face of the chart, and a Qt application to measure it with.

Official documents use 標楷體 (Word calls it DFKai-SB). Users have it on Windows; Linux machines
(tests, CI) have AR PL UKai TW, the closest Kai face, or else Noto CJK TC. When no face can draw
Traditional Chinese we stop with a clear sentence rather than draw a chart of empty boxes.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path

#: East Asian font of the Word document (the name Word shows in a Chinese UI).
DOCX_EAST_ASIAN_FONT = "標楷體"
#: Latin letters and digits of the Word document.
DOCX_LATIN_FONT = "Times New Roman"
#: Chart fonts in order of preference.
PREFERRED_CHART_FAMILIES = (
    "標楷體",
    "DFKai-SB",
    "AR PL UKai TW",
    "Noto Serif CJK TC",
    "Noto Sans CJK TC",
)
#: The fontconfig file that maps 標楷體/DFKai-SB to AR PL UKai TW (for LibreOffice and tests).
FONTCONFIG_FILE = Path(__file__).with_name("fonts.conf")

_app = None  # keeps the QGuiApplication created here alive


class NoChineseFontError(RuntimeError):
    """No installed font can draw Traditional Chinese; ``str()`` is one sentence for the user."""


def ensure_gui_application():
    """The running Qt application, or a new QGuiApplication (offscreen when there is no display).

    Font metrics and painting need one. The command line has no window, so on Linux without a
    display we choose the offscreen platform before Qt looks for one.
    """
    global _app
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance()
    if app is not None:
        return app
    headless = sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    if headless and not os.environ.get("QT_QPA_PLATFORM"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    _app = QGuiApplication(["plan-editor"])
    return _app


def choose_chart_family(available: Iterable[str] | None = None) -> str:
    """The first preferred family that is installed, else any family that covers Traditional Chinese.

    ``available`` (family names) is for tests; by default the Qt font database is asked.
    Raises NoChineseFontError when nothing can draw the chart's text.
    """
    if available is None:
        ensure_gui_application()
        from PySide6.QtGui import QFontDatabase

        families = list(QFontDatabase.families())
        chinese = set(QFontDatabase.families(QFontDatabase.WritingSystem.TraditionalChinese))
    else:
        families = list(available)
        chinese = set()
    for name in PREFERRED_CHART_FAMILIES:
        if name in families:
            return name
    for name in families:
        if name in chinese:
            return name
    raise NoChineseFontError(
        "No Traditional Chinese font is installed, so the framework chart cannot be drawn: "
        "install 標楷體 (DFKai-SB), AR PL UKai TW (Debian: fonts-arphic-ukai) or Noto CJK TC (fonts-noto-cjk)."
    )
