"""A document that cannot be imported (File ▸ Import…) or read as a review (Review ▸ Read a reviewed
document…) is one sentence in a message box, in the interface's language, naming the file and its
problem; the plan on screen stays as it was. Real files: a text file renamed .docx or .pdf, a Word
document cut short, a PDF without text, a Word document without the headings of a plan."""
from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog

from editor.ui.i18n import install_translator
from tests.editor.ui_support import DialogAnswerer, discard_on_close, make_window
from tests.importing.material import write_list_docx

ALT = Qt.KeyboardModifier.AltModifier
TEXT = "這只是一段文字，不是計畫。\n"


def _renamed_text(folder: Path, name: str) -> Path:
    (folder / name).write_text(TEXT, encoding="utf-8")
    return folder / name


def _cut_short(folder: Path) -> Path:
    whole = write_list_docx(folder / "whole.docx").read_bytes()
    (folder / "cut.docx").write_bytes(whole[: len(whole) // 2])
    return folder / "cut.docx"


def _pdf_without_text(folder: Path) -> Path:
    """One page with a grey box and no text, as a scan's page is to a text reader."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"]
    stream = b"0.5 g 100 100 395 642 re f"
    objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    (folder / "scan.pdf").write_bytes(bytes(out))
    return folder / "scan.pdf"


def _letter(folder: Path) -> Path:
    doc = Document()
    doc.add_paragraph("致市民的一封信")
    doc.add_paragraph("感謝各位市民一年來的支持與指教。")
    doc.save(str(folder / "letter.docx"))
    return folder / "letter.docx"


def _ambiguous_text(folder: Path) -> Path:
    """A plan's text whose 1. and (一) items nest both ways as often."""
    text = "高雄市政府108至111年度中程施政計畫理念\n\n一、交通\n1. 公車\n(一) 路線\n二、產業\n(一) 招商\n1. 園區\n"
    (folder / "ladder.txt").write_text(text, encoding="utf-8")
    return folder / "ladder.txt"


def _choose(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def _menu_item(qtbot, window, menu_key, menu: str, item_key) -> None:
    window.activateWindow()
    window.tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    QTest.keyClick(QApplication.focusWidget(), menu_key, ALT)
    qtbot.waitUntil(lambda: window.menus[menu].isVisible())
    QTest.keyClick(window.menus[menu], item_key)


def _answered(qtbot, window, menu_key, menu, item_key, button: str) -> DialogAnswerer:
    with DialogAnswerer(button) as answerer:
        _menu_item(qtbot, window, menu_key, menu, item_key)
        qtbot.waitUntil(lambda: answerer.texts != [], timeout=20000)
    return answerer


IMPORTS = [
    (lambda d: _renamed_text(d, "fake.docx"), "「fake.docx」不是 Word 文件（.docx）：它不是 zip 封裝，或已經損壞。"),
    (lambda d: _renamed_text(d, "fake.pdf"), "「fake.pdf」不是 PDF：檔案開頭不是 PDF 的格式，或已經損壞。"),
    (_cut_short, "「cut.docx」已經損壞：看來是 Word 文件，但其中的 zip 封裝無法讀取。"),
    (_pdf_without_text, "「scan.pdf」沒有文字層（可能是掃描檔）；只能匯入含文字的 PDF，本程式不做文字辨識（OCR）。"),
    (_letter, "「letter.docx」沒有「壹、」「一、」「（一）」這類標題，所以不是計畫的文字。"),
    (_ambiguous_text, "「ladder.txt」的編號層級不明確：第 5 行把「（一）」項目放在「1.」項目之下，第 8 行卻相反，兩種次數一樣多。"),
]


@pytest.mark.parametrize(("make", "sentence"), IMPORTS, ids=["renamed-text-docx", "renamed-text-pdf", "cut-short", "scan", "letter", "ambiguous"])
def test_import_of_a_bad_document_says_why_in_chinese(qtbot, tmp_path, monkeypatch, make, sentence):
    window = make_window(qtbot, tmp_path)
    before = window.session
    source = make(tmp_path)
    _choose(monkeypatch, source)
    answerer = _answered(qtbot, window, Qt.Key.Key_F, "file", Qt.Key.Key_I, "確定")
    assert answerer.titles == ["無法匯入"]
    assert answerer.texts == [f"無法匯入「{source.name}」。"]
    assert answerer.details == [sentence]
    assert window.session is before  # the plan on screen is untouched
    discard_on_close(window)


def test_import_error_in_the_english_interface(qtbot, tmp_path, monkeypatch):
    assert install_translator(QApplication.instance(), "en")  # as the app installs it (conftest removes it)
    window = make_window(qtbot, tmp_path)
    _choose(monkeypatch, _renamed_text(tmp_path, "fake.docx"))
    answerer = _answered(qtbot, window, Qt.Key.Key_F, "file", Qt.Key.Key_I, "OK")
    assert answerer.texts == ['Cannot import "fake.docx".']
    assert answerer.details == ['"fake.docx" is not a Word document (.docx): it is not a zip package, or it is damaged.']
    discard_on_close(window)


REVIEWS = [
    (lambda d: _renamed_text(d, "fake.docx"), "「fake.docx」不是 Word 文件（.docx）：它不是 zip 封裝，或已經損壞。"),
    (_cut_short, "「cut.docx」不是 Word 文件（.docx）：它不是 zip 封裝，或已經損壞。"),
    # the small plan's 13 items (its sections, focus areas, strategies …), none of them in a letter
    (_letter, "「letter.docx」看來不是從這份計畫匯出的文件：書籤和段落都對不上計畫的項目（13 項中只找到 0 項）。"),
]


@pytest.mark.parametrize(("make", "sentence"), REVIEWS, ids=["renamed-text", "cut-short", "not-this-plan"])
def test_reading_a_bad_review_says_why_in_chinese(qtbot, tmp_path, monkeypatch, make, sentence):
    window = make_window(qtbot, tmp_path)
    plan_before = window.session.plan.model_dump()
    undo_before = window.session.undo_stack.count()
    source = make(tmp_path)
    _choose(monkeypatch, source)
    answerer = _answered(qtbot, window, Qt.Key.Key_W, "review", Qt.Key.Key_I, "確定")
    assert answerer.titles == ["讀入審閱文件"]
    assert answerer.texts == [f"無法讀入審閱文件「{source.name}」。"]
    assert answerer.details == [sentence]
    assert window.statusBar().currentMessage() == f"無法讀入審閱文件「{source.name}」。"
    assert window.session.plan.model_dump() == plan_before and window.session.undo_stack.count() == undo_before
    discard_on_close(window)


def test_reading_a_bad_review_in_the_english_interface(qtbot, tmp_path, monkeypatch):
    assert install_translator(QApplication.instance(), "en")  # as the app installs it (conftest removes it)
    window = make_window(qtbot, tmp_path)
    _choose(monkeypatch, _cut_short(tmp_path))
    answerer = _answered(qtbot, window, Qt.Key.Key_W, "review", Qt.Key.Key_I, "OK")
    assert answerer.texts == ['Cannot read the reviewed document "cut.docx".']
    assert answerer.details == ['"cut.docx" is not a Word document (.docx): it is not a zip package, or it is damaged.']
    discard_on_close(window)


def _codes_raised() -> set[str]:
    """Every code the importers and the review reader raise, read from their source."""
    import re

    from tests.paths import ROOT

    sources = ["editor/importing/sources.py", "editor/review/wordml.py", "editor/review/word_parts.py", "editor/review/__init__.py",
               "schema/importer.py",
               "schema/importer_marks.py"]
    text = "\n".join((ROOT / name).read_text(encoding="utf-8") for name in sources)
    # the code is the string argument after the sentence: Error(f"…", "code" or Error("…", "code"
    return set(re.findall(r'(?:Error\(|\n\s*)f?"[^"\n]*(?:\.|ambiguous)",\s*"([a-z0-9_]+)"', text))


def test_every_code_the_readers_raise_has_its_sentence():
    from editor.ui.files.document_errors import _OTHER_ZIPS, _PHRASES

    raised = _codes_raised()
    assert len(raised) == 28  # the pattern above still finds them all
    assert raised == set(_PHRASES) | {"other_zip"} and set(_OTHER_ZIPS) == {"xlsx", "pptx", "odf", "zip"}


@settings(max_examples=60, deadline=None)
@given(name=st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="/%\\"), min_size=1, max_size=20)
       .filter(lambda name: name not in (".", "..")),  # not names of files: /tmp/. is the folder /tmp
       code=st.sampled_from(sorted(__import__("editor.ui.files.document_errors", fromlist=["_PHRASES"])._PHRASES)))
def test_each_sentence_names_the_file_and_leaves_no_placeholder(qapp, name, code):
    from editor.importing.sources import ImportSourceError
    from editor.ui.files.document_errors import document_error_text

    params = {"size": 200, "limit": 100, "offset": 6, "line": 5, "lower": "（一）", "upper": "1.", "other_line": 8, "matched": 0,
              "total": 13}
    text = document_error_text(ImportSourceError("English.", code, name=f"/tmp/{name}", **params))
    assert f"「{name}」" in text
    assert not any(f"%{n}" in text for n in range(1, 6))


def test_an_export_error_is_said_in_the_interface_language(qapp, tmp_path):
    """The writers' PlanFileError (a table Word cannot hold, a PDF LibreOffice could not make) in Chinese."""
    from editor.export.summary_export import write_table_file
    from editor.ui.files.document_errors import export_error_text
    from schema.file_reading import PlanFileError
    from schema.model import KPI, FocusArea, Period, PlanDocument, Strategy
    from schema.summary import data_source

    plan = PlanDocument(title="計畫", period=Period(start=1, end=999))
    plan.draft.content.focus.focus_areas = [FocusArea(title="重點", strategies=[Strategy(
        title="策略", kpis=[KPI(name="指標", targets={year: str(year) for year in range(1, 60)})])])]
    out = tmp_path / "kpi.docx"
    with pytest.raises(PlanFileError) as caught:
        write_table_file("kpi", data_source(plan.model_dump(mode="json")), out)
    assert export_error_text(caught.value, out) == (
        "「kpi.docx」沒有寫入：關鍵績效指標總表需要 64 欄（每個有數字的年度一欄），Word 表格最多 63 欄；請改存成 .xlsx 或 .csv。")
    timeout = PlanFileError("x", "pdf_timeout", name=str(tmp_path / "plan.pdf"), seconds="120")
    assert export_error_text(timeout, tmp_path / "plan.pdf") == "「plan.pdf」沒有寫入：LibreOffice 在 120 秒內沒有完成轉換。"


def test_a_chart_format_or_a_missing_font_is_said_in_the_interface_language(qapp, tmp_path):
    from editor.export.chart_paint import UnsupportedChartFormatError, chart_format
    from editor.export.fonts import NoChineseFontError
    from editor.ui.files.document_errors import export_error_text

    with pytest.raises(UnsupportedChartFormatError) as caught:
        chart_format(tmp_path / "chart.gif")
    assert export_error_text(caught.value, tmp_path / "chart.gif") == "「chart.gif」沒有寫入：架構圖只能存成 .svg、.png 或 .pdf。"
    assert export_error_text(NoChineseFontError("No Traditional Chinese font is installed"), tmp_path / "chart.svg") == (
        "沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、AR PL UKai TW（Debian：fonts-arphic-ukai）"
        "或 Noto CJK TC（fonts-noto-cjk）。")
