"""The sentences of an imported, reviewed or exported document's errors in the interface's language.

``editor.importing.sources.ImportSourceError`` (File ▸ Import…), ``editor.review.ReviewError``
(Review ▸ Read a reviewed document…) and the exports' ``PlanFileError`` (File ▸ Export) carry a
``code`` and its ``params`` (``schema.coded_error``) next to their English sentence (the command
line's); here each code has its own translatable phrase, %1 the file's name. An error without a
known code is said without its English reason: the file's name and that it cannot be read (or, for
an export, as a plan file's error is: ``file_errors``).
"""
from __future__ import annotations

from pathlib import Path

from editor.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

_PHRASES = {
    # reading the file at all (import and review alike)
    "is_folder": QT_TRANSLATE_NOOP("document_errors", "「%1」是資料夾，不是文件。"),
    "not_regular": QT_TRANSLATE_NOOP("document_errors", "「%1」不是一般檔案（而是裝置、具名管道或通訊端），所以沒有讀取。"),
    "not_found": QT_TRANSLATE_NOOP("document_errors", "「%1」不存在。"),
    "permission_denied": QT_TRANSLATE_NOOP("document_errors", "沒有讀取「%1」的權限。"),
    "unreadable": QT_TRANSLATE_NOOP("document_errors", "無法讀取「%1」。"),
    "too_large": QT_TRANSLATE_NOOP("document_errors", "「%1」太大（%2 MB；上限是 %3 MB），不會是計畫文件。"),
    # what kind of file it is
    "not_docx": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 Word 文件（.docx）：它不是 zip 封裝，或已經損壞。"),
    "not_pdf": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 PDF：檔案開頭不是 PDF 的格式，或已經損壞。"),
    "old_office": QT_TRANSLATE_NOOP("document_errors", "「%1」是舊版 Office 97–2003 檔案（例如 .doc）；請另存成 .docx 後再匯入。"),
    "encrypted": QT_TRANSLATE_NOOP("document_errors", "「%1」有密碼保護；請存成沒有密碼的檔案後再匯入。"),
    "nul_bytes": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 UTF-8 文字檔：其中有 NUL 位元組，這是二進位檔或 UTF-16 檔。"),
    "not_utf8": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 UTF-8 文字檔（第 %2 個位元組無法解讀）；請存成 UTF-8 後再匯入。"),
    "damaged_zip": QT_TRANSLATE_NOOP("document_errors", "「%1」已經損壞：看來是 Word 文件，但其中的 zip 封裝無法讀取。"),
    "part_too_large": QT_TRANSLATE_NOOP("document_errors", "「%1」有一個部分解開後有 %2 MB，超過任何計畫的 Word 文件所需的 %3 MB，所以沒有讀取。"),
    "damaged_word": QT_TRANSLATE_NOOP("document_errors", "「%1」已經損壞：其中的 Word 內容無法讀取。"),
    "no_text_layer": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有文字層（可能是掃描檔）；只能匯入含文字的 PDF，本程式不做文字辨識（OCR）。"),
    "damaged_pdf": QT_TRANSLATE_NOOP("document_errors", "「%1」是損壞的 PDF：其中的文字無法讀取。"),
    # what the importer found in it
    "empty": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有任何文字。"),
    "no_headings": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有「壹、」「一、」「（一）」這類標題，所以不是計畫的文字。"),
    "ambiguous_numbering": QT_TRANSLATE_NOOP(
        "document_errors", "「%1」的編號層級不明確：第 %2 行把「%3」項目放在「%4」項目之下，第 %5 行卻相反，兩種次數一樣多。"),
    "no_title": QT_TRANSLATE_NOOP("document_errors", "「%1」在第一個標題之前沒有計畫名稱（例如「高雄市政府108至111年度中程施政計畫理念」）。"),
    "no_period": QT_TRANSLATE_NOOP("document_errors", "「%1」的名稱和內文都沒有計畫期程（例如「108至111年度」）。"),
    "invalid_import": QT_TRANSLATE_NOOP("document_errors", "「%1」中的計畫不符合計畫檔的規則（例如有一段文字太長），所以無法匯入。"),
    # a reviewed Word document
    "no_document_part": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 Word 文件（.docx）：其中沒有文件內容（word/document.xml）。"),
    "no_body": QT_TRANSLATE_NOOP("document_errors", "「%1」不是 Word 文件（.docx）：文件內容沒有本文。"),
    "damaged_xml": QT_TRANSLATE_NOOP("document_errors", "「%1」已經損壞：其中的 XML 無法讀取。"),
    "not_this_plan": QT_TRANSLATE_NOOP(
        "document_errors", "「%1」看來不是從這份計畫匯出的文件：書籤和段落都對不上計畫的項目（%3 項中只找到 %2 項）。"),
}
_OTHER_ZIPS = {  # editor.importing.sources: a zip package that is another kind of document
    "xlsx": QT_TRANSLATE_NOOP("document_errors", "「%1」是 Excel 活頁簿（.xlsx），不是 Word 文件（.docx）。"),
    "pptx": QT_TRANSLATE_NOOP("document_errors", "「%1」是 PowerPoint 簡報（.pptx），不是 Word 文件（.docx）。"),
    "odf": QT_TRANSLATE_NOOP("document_errors", "「%1」是 OpenDocument 檔案（.odt/.ods），不是 Word 文件（.docx）。"),
    "zip": QT_TRANSLATE_NOOP("document_errors", "「%1」是 zip 壓縮檔，不是 Word 文件（.docx）。"),
}


def document_error_text(error: Exception) -> str:
    """The sentence for an import's or a review's error in the interface's language (its code's phrase, with its values)."""
    code = str(getattr(error, "code", "") or "")
    params = dict(getattr(error, "params", {}) or {})
    name = Path(str(params.get("name", ""))).name or str(params.get("name", ""))
    if code == "other_zip":
        return fill(translate("document_errors", _OTHER_ZIPS.get(str(params.get("kind")), _OTHER_ZIPS["zip"])), name)
    if code in _PHRASES:
        values = {
            "too_large": (params.get("size"), params.get("limit")),
            "part_too_large": (params.get("size"), params.get("limit")),
            "not_utf8": (int(params.get("offset") or 0) + 1,),
            "ambiguous_numbering": (params.get("line"), params.get("lower"), params.get("upper"), params.get("other_line")),
            "not_this_plan": (params.get("matched"), params.get("total")),
        }.get(code, ())
        return fill(translate("document_errors", _PHRASES[code]), name, *values)
    if name:
        return fill(translate("document_errors", "無法讀取「%1」。"), name)
    return translate("document_errors", "檔案無法讀取。")


# Exports (editor.export.pdf_export, summary_export): %1 the file written; LibreOffice's own reason stays as it says it.
_EXPORT_PHRASES = {
    "pdf_timeout": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有寫入：LibreOffice 在 %2 秒內沒有完成轉換。"),
    "pdf_not_started": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有寫入：無法啟動 LibreOffice（%2）。"),
    "pdf_not_converted": QT_TRANSLATE_NOOP("document_errors", "「%1」沒有寫入：LibreOffice 無法轉換這份文件（%2）。"),
    "too_many_columns": QT_TRANSLATE_NOOP(
        "document_errors", "「%1」沒有寫入：%2需要 %3 欄（每個有數字的年度一欄），Word 表格最多 %4 欄；請改存成 .xlsx 或 .csv。"),
}


def export_error_text(error: Exception, path: Path) -> str:
    """The sentence for a failed export of ``path`` in the interface's language."""
    from editor.export.chart_paint import UnsupportedChartFormatError  # the writers load on first use, as the exports do
    from editor.export.fonts import NoChineseFontError
    from editor.ui.files.file_errors import file_error_text

    if isinstance(error, NoChineseFontError):  # the font, not the file
        return translate("document_errors", "沒有安裝可顯示繁體中文的字型，所以無法畫出架構圖：請安裝標楷體（DFKai-SB）、"
                                            "AR PL UKai TW（Debian：fonts-arphic-ukai）或 Noto CJK TC（fonts-noto-cjk）。")
    if isinstance(error, UnsupportedChartFormatError):
        return fill(translate("document_errors", "「%1」沒有寫入：架構圖只能存成 .svg、.png 或 .pdf。"), path.name)
    code = str(getattr(error, "code", "") or "")
    params = dict(getattr(error, "params", {}) or {})
    if code in _EXPORT_PHRASES:
        name = Path(str(params.get("name") or path)).name
        values = {
            "pdf_timeout": (params.get("seconds"),),
            "pdf_not_started": (params.get("reason"),),
            "pdf_not_converted": (params.get("reason"),),
            "too_many_columns": (params.get("table"), params.get("columns"), params.get("most")),
        }[code]
        return fill(translate("document_errors", _EXPORT_PHRASES[code]), name, *values)
    if code:
        return file_error_text(error)
    return fill(translate("document_errors", "「%1」沒有寫入。"), path.name)
