"""File ▸ 預覽列印 and ▸ 列印 (Ctrl+P): the plan on paper in the official document's layout.

The working draft becomes a QTextDocument laid out as the official Word document
(``editor.export.official_docx``): the cover title, the preface, the goals that have a text of their
own, 壹、 with its focus areas (一、), strategies (（一）) and actions (1., （1）) in document order
(``schema.tree.walk``) with the numbers the export prints (``schema.numbering.all_numbers``, in the plan's
numbering style), each strategy's agencies, goals, budget and KPIs as tables, and 貳、. Chinese in
標楷體 (or the Kai face installed, as the chart chooses it), A4 with 2.5 cm margins, body 16 pt.
Qt's print support (QPrintPreviewDialog, QPrintDialog, QPrinter) puts it on paper or in a PDF.
The framework chart is not printed here: File ▸ Export makes it.
"""
from __future__ import annotations

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFrameFormat,
    QTextLength,
    QTextTableFormat,
)

from editor.ui.i18n import fill, translate
from schema.model import Action, Closing, FocusArea, FocusSection, Goal, Paragraph, PlanDocument, Revision, Strategy
from schema.numbering import all_numbers
from schema.tree import walk

BODY_PT = 16
TABLE_PT = 12
MARGIN_MM = 25
# (size in pt, bold, left indent, hanging indent in pt, space before) of each kind of paragraph, as the
# official document's styles (official_styles.setup_styles) set them.
_STYLES = {
    "title": (20, True, 0, 0, 0),
    "section": (18, True, 32, 32, 12),  # 壹、 貳、
    "focus_area": (BODY_PT, True, 32, 32, 12),  # 一、
    "strategy": (BODY_PT, True, 64, 48, 6),  # （一）
    "action": (BODY_PT, False, 88, 24, 0),  # 1.
    "sub_action": (BODY_PT, False, 136, 48, 0),  # （1）
    "goal": (BODY_PT, True, 32, 0, 0),
}


def kai_family() -> str:
    """標楷體 where it is installed, else the Kai (or Chinese) face the chart would use."""
    from editor.export.fonts import NoChineseFontError, choose_chart_family

    try:
        return choose_chart_family()
    except NoChineseFontError:
        return "serif"


class _Builder:
    """Paragraphs and tables; indents are given in points and laid out in the printer's pixels
    (QTextDocument.print_ lays a copy out on the printer itself), hence ``dpi``."""

    def __init__(self, family: str, dpi: int):
        self.pt = dpi / 72
        self.document = QTextDocument()
        self.document.setDocumentMargin(0)
        font = QFont(family)
        font.setPointSizeF(BODY_PT)
        self.document.setDefaultFont(font)
        self.family = family
        self.cursor = QTextCursor(self.document)
        self.first = True

    def paragraph(self, text: str, *, size: float = BODY_PT, bold: bool = False, left: float = 0, hanging: float = 0,
                  first_line: float = 0, before: float = 0, align=Qt.AlignmentFlag.AlignJustify) -> None:
        block = QTextBlockFormat()
        pt = self.pt
        block.setLeftMargin(left * pt)
        block.setTextIndent((-hanging if hanging else first_line) * pt)
        block.setTopMargin(before)  # vertical margins: the layout scales them to the device itself
        block.setBottomMargin(6)
        block.setAlignment(align)
        char = QTextCharFormat()
        char.setFontFamilies([self.family])
        char.setFontPointSize(size)
        char.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        if self.first:
            self.cursor.setBlockFormat(block)
            self.cursor.setBlockCharFormat(char)
            self.first = False
        else:
            self.cursor.insertBlock(block, char)
        self.cursor.insertText(text, char)

    def styled(self, style: str, text: str, number: str = "") -> None:
        size, bold, left, hanging, before = _STYLES[style]
        self.paragraph(number + text, size=size, bold=bold, left=left, hanging=hanging, before=before,
                       align=Qt.AlignmentFlag.AlignLeft)

    def lines(self, text: str, left: float = 0) -> None:
        for line in (text or "").splitlines():
            if line.strip():
                self.paragraph(line, left=left, first_line=32)

    def table(self, rows: list[list[str]], header: bool) -> None:
        table_format = QTextTableFormat()
        table_format.setCellPadding(3 * self.pt)
        table_format.setCellSpacing(0)
        table_format.setBorder(0.75 * self.pt)
        table_format.setBorderCollapse(True)
        table_format.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        table_format.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        table = self.cursor.insertTable(len(rows), len(rows[0]), table_format)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                cell = table.cellAt(r, c).firstCursorPosition()
                char = QTextCharFormat()
                char.setFontFamilies([self.family])
                char.setFontPointSize(TABLE_PT)
                char.setFontWeight(QFont.Weight.Bold if header and r == 0 else QFont.Weight.Normal)
                cell.insertText(str(value), char)
        self.cursor.movePosition(QTextCursor.MoveOperation.End)


def plan_text_document(plan: PlanDocument, revision: Revision | None = None, *, family: str | None = None,
                       dpi: int = 72) -> QTextDocument:
    """The plan's ``revision`` (the draft by default) as the official document reads, to print on a
    printer of ``dpi`` dots per inch."""
    from editor.export.official_docx import cover_title, printed_goal

    revision = revision or plan.draft
    content = revision.content
    numbers = all_numbers(content, plan.numbering_style)
    out = _Builder(family or kai_family(), dpi)
    out.paragraph(cover_title(plan, revision).replace("\n", ""), size=_STYLES["title"][0], bold=True,
                  align=Qt.AlignmentFlag.AlignCenter)
    pending = None  # the strategy whose tables follow its last action (the walk is in document order)
    for node, parent in walk(content):
        if pending is not None and not isinstance(node, Action):
            _details(out, plan, content, pending)
            pending = None
        if isinstance(node, (FocusSection, Closing)):  # of the four sections, 理念 and 施政目標 print no heading
            out.styled("section", node.title, numbers[node.id])
        elif isinstance(node, Paragraph):
            out.lines(node.text)
        elif isinstance(node, Goal):
            if printed_goal(node):
                out.styled("goal", node.title)
                out.lines(node.body)
        elif isinstance(node, FocusArea):
            out.styled("focus_area", node.title, numbers[node.id])
            out.lines(node.body)
        elif isinstance(node, Strategy):
            out.styled("strategy", node.title, numbers[node.id])
            out.lines(node.body, left=64)
            pending = node
        elif isinstance(node, Action):
            out.styled("sub_action" if isinstance(parent, Action) else "action", node.text, numbers[node.id] + " ")
    if pending is not None:
        _details(out, plan, content, pending)
    return out.document


def _details(out: _Builder, plan: PlanDocument, content, strategy) -> None:
    """A strategy's agencies, goals and budget, then its KPI table, after its last action."""
    from editor.export.official_docx import info_rows, kpi_table

    rows = info_rows(strategy, content)
    if rows:
        out.table([[label, value] for label, value in rows], header=False)
    if strategy.kpis:
        head, kpi_rows, _widths = kpi_table(strategy, plan.period.years)
        out.table([head, *[values for _id, values in kpi_rows]], header=True)


def a4_printer(printer) -> None:
    """A4 portrait with the official 2.5 cm margins."""
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def print_plan(plan: PlanDocument, printer, revision: Revision | None = None) -> None:
    """Print (or write to the printer's PDF file) the plan in the official layout."""
    document = plan_text_document(plan, revision, dpi=printer.resolution())
    # Laid out on the printer itself, page by page: print_ then prints it as it is (a document without
    # pages would be copied and given margins of its own).
    document.documentLayout().setPaintDevice(printer)
    document.setPageSize(printer.pageRect(printer.Unit.DevicePixel).size())
    document.print_(printer)


class PlanPrinting:
    """The window's 預覽列印 and 列印: one QPrinter kept for the session (its choices persist)."""

    def __init__(self, window):
        self._window = window
        self._printer = None

    @property
    def printer(self):
        if self._printer is None:
            from PySide6.QtPrintSupport import QPrinter

            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            a4_printer(self._printer)
        # The plan open now (another may have been opened, or its title changed since the last print).
        self._printer.setDocName(self._window.session.plan.title)
        return self._printer

    def preview(self):
        """File ▸ 預覽列印: the pages as they will print; its own toolbar prints them."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog

        dialog = QPrintPreviewDialog(self.printer, self._window)
        dialog.setObjectName("printPreview")
        dialog.setWindowTitle(translate("printing", "預覽列印"))
        dialog.paintRequested.connect(lambda printer: print_plan(self._window.session.plan, printer))
        dialog.finished.connect(dialog.deleteLater)
        dialog.resize(900, 800)
        dialog.setModal(True)  # QDialog.open() (PySide6 binds the print dialogs' open() to a slot)
        dialog.show()
        return dialog

    def print(self):
        """File ▸ 列印 (Ctrl+P): the system's print dialog, then the pages."""
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(self.printer, self._window)
        dialog.setObjectName("printDialog")
        dialog.setWindowTitle(translate("printing", "列印"))
        dialog.accepted.connect(self._print_now)
        dialog.finished.connect(dialog.deleteLater)
        dialog.setModal(True)  # QDialog.open() (PySide6 binds the print dialogs' open() to a slot)
        dialog.show()
        return dialog

    def _print_now(self) -> None:
        print_plan(self._window.session.plan, self.printer)
        target = self.printer.outputFileName()
        if target:
            self._window.show_status(fill(translate("printing", "已列印至「%1」"), target))
        else:
            self._window.show_status(translate("printing", "已送出列印"))
