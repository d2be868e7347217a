"""Word styles and page setup python-docx has no API for: style fonts, indents, A4, the page-number footer.

Official typography (docs/architecture.md, "Recipes and traps"): Chinese in 標楷體, Latin in Times New Roman, body 16 pt,
title 20 pt, page numbers 10 pt, A4 with 2.5 cm margins. It lives in the styles, so that a
reviewer changing a style changes the whole document, and headings feed the navigation pane.
"""
from __future__ import annotations

from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor

from editor.export import page_size, wordxml
from editor.export.fonts import DOCX_EAST_ASIAN_FONT, DOCX_LATIN_FONT

A4_WIDTH = Emu(page_size.A4_WIDTH)
A4_HEIGHT = Emu(page_size.A4_HEIGHT)
MARGIN = Emu(page_size.MARGIN)

BODY_PT = 16
TITLE_PT = 20
PAGE_NUMBER_PT = 10

def set_fonts(rpr_owner, *, east_asian: str = DOCX_EAST_ASIAN_FONT, latin: str = DOCX_LATIN_FONT) -> None:
    """Give a style (or docDefaults' rPr) explicit fonts: w:eastAsia for Chinese, Latin for the rest.

    python-docx's ``font.name`` sets only ascii/hAnsi; the *Theme attributes would override
    explicit names, so they are removed; w:lang eastAsia=zh-TW makes Word treat text as Chinese.
    """
    rpr = rpr_owner.get_or_add_rPr() if hasattr(rpr_owner, "get_or_add_rPr") else rpr_owner
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asian)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-TW")
    _reorder_rpr(rpr)


# CT_RPr children in schema order (the subset we may meet); Word rejects out-of-order elements.
_RPR_ORDER = [qn("w:" + n) for n in (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
    "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl cs "
    "em lang eastAsianLayout specVanish oMath"
).split()]


def _reorder_rpr(rpr) -> None:
    children = list(rpr)
    children.sort(key=lambda el: _RPR_ORDER.index(el.tag) if el.tag in _RPR_ORDER else len(_RPR_ORDER))
    for child in children:
        rpr.append(child)


def configure_paragraph_style(
    doc,
    name: str,
    *,
    size: float = BODY_PT,
    bold: bool = False,
    base: str | None = "Normal",
    align=None,
    first_line: float | None = None,
    left: float | None = None,
    hanging: float | None = None,
    space_before: float = 0,
    space_after: float = 0,
    line_spacing: float | None = None,
    keep_with_next: bool = False,
    outline_level: int | None = None,
):
    """Create or reset a paragraph style to the official typography (sizes and indents in points)."""
    styles = doc.styles
    try:
        style = styles[name]
    except KeyError:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if base and name != base:
        style.base_style = styles[base]
    style.hidden = False
    style.quick_style = True
    rpr = style.element.get_or_add_rPr()
    for tag in ("w:color", "w:i", "w:iCs", "w:spacing", "w:kern", "w:caps"):
        for el in rpr.findall(qn(tag)):
            rpr.remove(el)
    font = style.font
    font.size = Pt(size)
    font.bold = bold
    font.color.rgb = RGBColor(0, 0, 0)
    set_fonts(style.element)
    # Szcs: the complex-script size follows the body size too.
    szcs = rpr.find(qn("w:szCs"))
    if szcs is None:
        szcs = OxmlElement("w:szCs")
        rpr.append(szcs)
    szcs.set(qn("w:val"), str(int(size * 2)))
    _reorder_rpr(rpr)

    ppr = style.element.get_or_add_pPr()
    for tag in ("w:pBdr", "w:contextualSpacing", "w:numPr"):
        for el in ppr.findall(qn(tag)):
            ppr.remove(el)
    pf = style.paragraph_format
    pf.alignment = align
    pf.space_before = Pt(space_before)
    pf.space_after = Pt(space_after)
    if line_spacing is not None:
        pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        pf.line_spacing = Pt(line_spacing)
    pf.left_indent = Pt(left) if left is not None else None
    if hanging is not None:
        pf.first_line_indent = Pt(-hanging)
    else:
        pf.first_line_indent = Pt(first_line) if first_line is not None else None
    pf.keep_with_next = keep_with_next
    if outline_level is not None:
        outline = ppr.find(qn("w:outlineLvl"))
        if outline is None:
            outline = OxmlElement("w:outlineLvl")
            ppr.append(outline)
        outline.set(qn("w:val"), str(outline_level))
    return style


def set_doc_defaults(doc) -> None:
    """The document-wide run defaults (docDefaults), so text outside our styles is official too."""
    styles_el = doc.styles.element
    defaults = styles_el.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    set_fonts(rpr)


def page_setup(section, *, landscape: bool = False) -> None:
    """A4, 2.5 cm margins; landscape swaps width and height as well as the orientation."""
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (A4_HEIGHT, A4_WIDTH) if landscape else (A4_WIDTH, A4_HEIGHT)
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, MARGIN)
    section.header_distance = Cm(1.5)
    section.footer_distance = Cm(1.5)


def content_size(section):
    """The writable width and height of a section (EMU)."""
    return (
        section.page_width - section.left_margin - section.right_margin,
        section.page_height - section.top_margin - section.bottom_margin,
    )


def page_number_footer(doc, section) -> None:
    """A centred PAGE field in the footer, in the Footer style (10 pt)."""
    configure_paragraph_style(doc, "Footer", size=PAGE_NUMBER_PT, align=WD_ALIGN_PARAGRAPH.CENTER)
    footer = section.footer
    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
    paragraph.style = doc.styles["Footer"]
    paragraph._p.extend(wordxml.field("PAGE", "1"))
