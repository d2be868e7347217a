"""A reviewer played by LibreOffice over UNO: run with Debian's /usr/bin/python3 (python3-uno).

    /usr/bin/python3 tests/review/libreoffice_reviewer.py SPEC.json

SPEC names the exported document, the reviewer's name, the edits and the output folder:
``{"input": "plan.docx", "author": "審查委員甲", "out": "DIR", "edits": [...]}``, each edit one of
``{"op": "replace", "find": TEXT, "with": TEXT}`` (an empty "with" deletes) or
``{"op": "insert_paragraph_after", "find": TEXT, "text": TEXT}`` (a new paragraph after the one
holding TEXT, in that paragraph's style, as pressing Enter at its end and typing would make).

It writes three Word documents into ``out``: ``tracked.docx`` (the edits recorded as changes by
the author), ``accepted.docx`` (tracked.docx after LibreOffice's own Accept All) and
``untracked.docx`` (the same edits made with recording off: a reviewer who did not track); with
``"reject_all": true`` in SPEC also ``rejected.docx`` (tracked.docx after LibreOffice's Reject All).
A private user profile holds the author's name, so the user's own LibreOffice is not touched.
Comments are not made here: LibreOffice 7.4's headless build crashes inserting one over UNO.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException

PARAGRAPH_BREAK = 0  # com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def connect(pipe):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + 120
    while True:
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def set_author(ctx, name):
    provider = ctx.ServiceManager.createInstanceWithContext("com.sun.star.configuration.ConfigurationProvider", ctx)
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess", (prop("nodepath", "/org.openoffice.UserProfile/Data"),)
    )
    access.setPropertyValue("givenname", name)
    access.setPropertyValue("sn", "")
    access.commitChanges()


def find(doc, text):
    search = doc.createSearchDescriptor()
    search.SearchString = text
    found = doc.findFirst(search)
    if found is None:
        raise SystemExit(f"libreoffice_reviewer: {text!r} is not in the document")
    return found


def edit(doc, edits):
    for e in edits:
        found = find(doc, e["find"])
        if e["op"] == "replace":
            found.setString(e["with"])
        elif e["op"] == "insert_paragraph_after":
            text = found.getText()
            cursor = text.createTextCursorByRange(found.getEnd())
            cursor.gotoEndOfParagraph(False)
            text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
            text.insertString(cursor, e["text"], False)
        else:
            raise SystemExit(f"libreoffice_reviewer: unknown edit {e['op']!r}")


def load(desktop, path):
    return desktop.loadComponentFromURL(uno.systemPathToFileUrl(str(path)), "_blank", 0, (prop("Hidden", True),))


def store(doc, path):
    doc.storeToURL(uno.systemPathToFileUrl(str(path)), (prop("FilterName", "MS Word 2007 XML"),))


def main():
    spec = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    out = Path(spec["out"])
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="lo-reviewer-"))
    source = work / "input.docx"  # a private copy: LibreOffice leaves .~lock files beside what it opens
    shutil.copyfile(spec["input"], source)
    pipe = "plan_editor_" + uuid.uuid4().hex[:8]
    office = subprocess.Popen(
        ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
         f"-env:UserInstallation={(work / 'profile').as_uri()}", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        ctx = connect(pipe)
        set_author(ctx, spec["author"])
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        dispatcher = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)

        doc = load(desktop, source)
        doc.RecordChanges = True
        edit(doc, spec["edits"])
        store(doc, out / "tracked.docx")
        frame = doc.getCurrentController().getFrame()
        dispatcher.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, ())
        store(doc, out / "accepted.docx")
        doc.close(True)
        if spec.get("reject_all"):
            doc = load(desktop, out / "tracked.docx")
            frame = doc.getCurrentController().getFrame()
            dispatcher.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, ())
            store(doc, out / "rejected.docx")
            doc.close(True)

        doc = load(desktop, source)
        doc.RecordChanges = False
        edit(doc, spec["edits"])
        store(doc, out / "untracked.docx")
        doc.close(True)
        try:
            desktop.terminate()
        except Exception:  # the bridge goes away while terminate() answers
            pass
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
            office.wait()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    main()
