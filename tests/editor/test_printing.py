"""File ▸ 預覽列印 and ▸ 列印 (Ctrl+P): the plan in the official document's order, numbers and typography,
on paper or in a PDF (read back with pdftotext). Keys go to the widget that has the focus."""
from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication

from editor.ui.printing import a4_printer, plan_text_document, print_plan
from schema.model import KPI
from tests.editor.ui_support import discard_on_close, make_window, small_plan

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def key(qtbot, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(QApplication.activePopupWidget() or QApplication.focusWidget(), key, modifier)
    qtbot.wait(1)


def plan_with_details():
    plan = small_plan()
    strategy = plan.draft.content.focus.focus_areas[0].strategies[1]  # 亞洲新灣區再啟航, no actions
    strategy.lead_agencies = ["經濟發展局"]
    strategy.goal_ids = ["g1"]
    strategy.budget = {109: 1234.5}
    strategy.kpis = [KPI(name="進駐廠商家數", measurement="累計家數", unit="家", targets={109: "10", 110: "20"})]
    return plan


def test_the_printed_plan_has_every_heading_in_order_with_its_number():
    document = plan_text_document(plan_with_details(), family="AR PL UKai TW")
    assert document.toPlainText().split("\n") == [
        "測試計畫",
        "前言第一段。",
        "壹、施政重點與發展策略",
        "一、拚經濟",
        "（一）推動橋頭科學園區",
        "1. 成立專案推動小組。",
        "（1） 細項。",
        "2. 籌設聯外道路。",
        "（二）亞洲新灣區再啟航",
        "引進民間資源。",
        # the details table (主辦機關, 對應施政目標, budget), then the KPI table, one cell a line, each
        # followed by an empty paragraph as in the Word document
        "主辦機關", "經濟發展局", "對應施政目標", "產業轉型優先", "預算（千元）", "109年 1,234.5", "",
        "關鍵績效指標", "衡量標準", "單位", "108年", "109年", "110年", "111年",
        "進駐廠商家數", "累計家數", "家", "", "10", "20", "", "",
        "二、衝就業",
        "（一）建置青年創業資源網",
        "貳、未來施政藍圖與結語",
        "結語。",
    ]


def test_headings_are_bold_kai_and_the_body_is_16_points():
    document = plan_text_document(small_plan(), family="AR PL UKai TW")
    formats = {}
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        formats[block.text()] = cursor.charFormat()
        block = block.next()
    title, heading, body = formats["測試計畫"], formats["一、拚經濟"], formats["前言第一段。"]
    assert (title.fontPointSize(), title.fontWeight()) == (20, QFont.Weight.Bold)
    assert (heading.fontPointSize(), heading.fontWeight(), heading.fontFamilies()) == (16, QFont.Weight.Bold, ["AR PL UKai TW"])
    assert (body.fontPointSize(), body.fontWeight()) == (16, QFont.Weight.Normal)


def test_printing_to_a_pdf_file_gives_the_plans_text(tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    a4_printer(printer)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "plan.pdf"))
    print_plan(plan_with_details(), printer)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "plan.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for heading in ("壹、施政重點與發展策略", "一、拚經濟", "（一）推動橋頭科學園區", "（二）亞洲新灣區再啟航", "二、衝就業", "貳、未來施政藍圖與結語"):
        assert heading in lines
    assert lines.index("一、拚經濟") < lines.index("（二）亞洲新灣區再啟航") < lines.index("二、衝就業")
    fonts = subprocess.run(["pdffonts", str(tmp_path / "plan.pdf")], capture_output=True, text=True, check=True).stdout
    assert "UKai" in fonts


def test_ctrl_p_asks_then_prints_the_open_plan(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    printer = window.printing.printer
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    key(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog))
    dialog = QApplication.activeModalWidget()
    assert dialog.windowTitle() == "列印"
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: (tmp_path / "printed.pdf").exists() and QApplication.activeModalWidget() is None)
    text = subprocess.run(["pdftotext", str(tmp_path / "printed.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "測試計畫" in text and "（一）推動橋頭科學園區" in text and "（一）建置青年創業資源網" in text
    assert window.statusBar().currentMessage() == f"已列印至「{tmp_path / 'printed.pdf'}」"
    discard_on_close(window)


def test_file_menu_print_preview_shows_the_pages_and_esc_closes_it(qtbot, tmp_path):
    window = make_window(qtbot, tmp_path)
    key(qtbot, Qt.Key.Key_F, ALT)
    key(qtbot, Qt.Key.Key_V)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintPreviewDialog))
    preview = QApplication.activeModalWidget()
    assert preview.windowTitle() == "預覽列印"
    qtbot.waitExposed(preview)
    qtbot.keyClick(QApplication.focusWidget() or preview, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    discard_on_close(window)


def test_the_print_job_is_named_after_the_plan_as_it_is_now(qtbot, tmp_path):
    """The printer is kept for the session, but its job name follows a retitled plan."""
    from editor.ui.session.undo_commands import execute
    from schema.operations import SetPlanProperties

    window = make_window(qtbot, tmp_path)
    assert window.printing.printer.docName() == "測試計畫"
    assert execute(window.session, [SetPlanProperties({"title": "新的計畫名稱"})], "計畫屬性") is None
    assert window.printing.printer.docName() == "新的計畫名稱"
    discard_on_close(window)
