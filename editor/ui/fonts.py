"""The interface font: an explicit Traditional Chinese face, so that Chinese never shows as boxes.

Qt's own fallback picks whatever fontconfig offers first for Han characters (often a Kai face,
or a Simplified Chinese one with the wrong glyph shapes for Taiwan); the users' desktops are
Windows with 微軟正黑體. We choose from what the system has, in this order.
"""
from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

UI_FONT_PREFERENCE = (
    "Microsoft JhengHei UI",
    "Microsoft JhengHei",
    "微軟正黑體",
    "PingFang TC",
    "Noto Sans CJK TC",
    "Noto Sans TC",
    "Source Han Sans TC",
    "思源黑體",
    "AR PL UMing TW",
    "AR PL UKai TW",
    "Noto Sans CJK HK",
    "WenQuanYi Zen Hei",
)


def choose_family(available: list[str] | None = None) -> str | None:
    """The first preferred Traditional Chinese family that is installed, or None."""
    families = set(QFontDatabase.families() if available is None else available)
    for family in UI_FONT_PREFERENCE:
        if family in families:
            return family
    return None


def ui_font(base: QFont, available: list[str] | None = None, *, latin_first: bool = False) -> QFont | None:
    """``base`` (the platform's UI font, with its size) with the chosen CJK family; None when there is none.

    In the Chinese interface the CJK family comes first, so that its punctuation is used. In the
    English one (``latin_first``) the platform's own family comes first and the CJK family is the
    fallback for the Chinese of the plan: a CJK face draws quotes and apostrophes full width.
    """
    family = choose_family(available)
    if family is None:
        return None
    font = QFont(base)
    own = [f for f in base.families() if f != family]
    font.setFamilies([*own, family] if latin_first else [family, *own])
    return font


def missing_font_warning() -> str:
    from editor.ui.i18n import translate

    return translate("fonts", "找不到繁體中文字型（如微軟正黑體或 Noto Sans CJK TC），中文可能顯示為方框。")
