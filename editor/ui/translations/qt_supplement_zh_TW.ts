<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own strings that Qt 6's qtbase_zh_TW.qm lacks: Qt 6 gave the file dialog's labels access keys
     ("&Look in:", "Files of &type:") and moved the file types to QAbstractFileIconProvider, and the
     zh_TW translation still has only the old strings, so the file dialog spoke half English.
     Written by hand; compiled with `pyside6-lrelease` (see editor/ui/i18n.py). -->
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>尋找於(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>檔案型態(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <comment>All other platforms</comment>
        <translation>資料夾</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>磁碟機</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>%1 File</source>
        <comment>%1 is a file name suffix, for example txt</comment>
        <translation>%1 檔案</translation>
    </message>
</context>
</TS>
