"""A summary table's own .docx is written without python-docx (editor/export/summary_document.py): its
package is the stored template, its body text. These tests hold the template to what python-docx makes,
and the document to what python-docx made of the same table (the appendix's path), byte for byte."""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace

import pytest

from editor.export import styles as st
from editor.export.docx_package import docx_bytes
from editor.export.official_docx import OfficialWriter
from editor.export.summary_document import TEMPLATE, summary_docx_bytes, template_bytes
from editor.export.summary_tables import TITLES, add_number_style, write_table
from schema.fileio import save_plan
from schema.summary import plan_source
from tests.bench.bench_summary import plan_with_figures as generated_plan_with_figures
from tests.paths import ROOT
from tests.summary_plan import plan_with_figures


def python_docx_table_document(kind, plan, revision=None) -> bytes:
    """The table's document as python-docx made it before (the official writer's paragraphs and table)."""
    revision = revision or plan.draft
    writer = OfficialWriter(plan, revision, None)
    section = writer.doc.sections[0]
    st.page_setup(section, landscape=True)
    st.page_number_footer(writer.doc, section)
    add_number_style(writer)
    writer.para(plan.full_title(revision), "Table Heading")
    writer.heading(TITLES[kind], "Chart Heading")
    write_table(writer, kind, section)
    info = replace(writer.info(), title=f"{plan.full_title(revision)} {TITLES[kind]}", category=TITLES[kind])
    return docx_bytes(writer.doc, info)


def test_the_stored_template_is_what_python_docx_makes():
    # When this fails after a change to the official styles, styles.py or python-docx, rewrite it:
    #   python -c "from editor.export.summary_document import write_template; write_template()"
    assert TEMPLATE.read_bytes() == template_bytes()


@pytest.mark.parametrize("kind", ["kpi", "budget"])
def test_the_sample_s_table_document_is_byte_for_byte_what_python_docx_made(kind):
    plan = plan_with_figures()
    assert summary_docx_bytes(kind, plan_source(plan)) == python_docx_table_document(kind, plan)


@pytest.mark.parametrize("kind", ["kpi", "budget"])
def test_a_generated_plan_s_table_document_is_what_python_docx_made_properties_escaped(kind):
    plan = generated_plan_with_figures()
    plan.organisation = "示範市政府 & <研考會>"  # escaped in core.xml and app.xml as lxml escapes them
    plan.draft.note = "說明" * 200  # cut to Word's 255 characters
    plan.draft.label = "112年修正版"
    plan.draft.date = "2023-05-06T10:20:30+08:00"
    plan.draft.content.focus.focus_areas[1].strategies[2].kpis[0].objective = "目標 & <一>"  # the extended columns
    assert summary_docx_bytes(kind, plan_source(plan)) == python_docx_table_document(kind, plan)
    older = plan.revisions[0]
    assert summary_docx_bytes(kind, plan_source(plan, older)) == python_docx_table_document(kind, plan, older)


def test_tables_from_the_command_line_load_neither_the_models_nor_python_docx_nor_openpyxl(tmp_path):
    plan = tmp_path / "p.plan.json"
    save_plan(plan_with_figures(), plan)
    script = ("import sys; from editor import cli; "
              f"code = cli.main(['export', {str(plan)!r}, '--kpi-table', {str(tmp_path / 'k.docx')!r}, "
              f"'--budget-table', {str(tmp_path / 'b.xlsx')!r}]); "
              "print(code, sorted(m for m in ('pydantic', 'schema.model', 'docx', 'lxml', 'openpyxl', 'PySide6') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, check=True)
    assert result.stdout.splitlines()[-1] == "0 []"
    assert (tmp_path / "k.docx").read_bytes() == python_docx_table_document("kpi", plan_with_figures())
