"""Property tests of what a user relies on, for any valid plan: saving and loading give the same
plan, and the official Word document opens in python-docx (and, sampled, in LibreOffice)."""
import shutil
import subprocess

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from editor.export.textclean import clean_text
from schema.fileio import load_plan, save_plan
from schema.model import Paragraph, Period, PlanDocument, Revision, Strategy
from tests.fuzz.mutants import ODD_CHARACTERS
from tests.schema.plans import plan_documents, small_content

ODD = [c for c in ODD_CHARACTERS if not any("\ud800" <= ch <= "\udfff" for ch in c)]  # lone surrogates are refused
odd_texts = st.lists(st.one_of(st.sampled_from(ODD), st.text(max_size=8)), max_size=6).map("".join)


@st.composite
def odd_plans(draw) -> PlanDocument:
    """The small plan with odd texts (controls, bidi marks, combining characters, emoji …) in its fields."""
    content = small_content()
    strategy = content.focus.focus_areas[0].strategies[0]
    strategy.title = draw(odd_texts)
    strategy.note = draw(odd_texts)
    strategy.lead_agencies = draw(st.lists(odd_texts, max_size=2))
    content.preface.paragraphs = [Paragraph(text=draw(odd_texts))]
    return PlanDocument(
        title=draw(odd_texts.filter(bool)), organisation=draw(odd_texts), period=Period(start=108, end=111),
        revisions=[Revision(label=draw(odd_texts), note=draw(odd_texts), content=content.model_copy(deep=True))],
        draft=Revision(content=content),
    )


plans = st.one_of(plan_documents(), odd_plans())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plans)
def test_save_then_load_gives_the_same_plan(tmp_path, plan):
    path = tmp_path / "p.plan.json"
    save_plan(plan, path)
    assert load_plan(path) == plan


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(plans)
def test_every_valid_plan_exports_to_a_word_document_python_docx_opens(qapp, tmp_path, plan):
    from editor.export.official_docx import write_official_docx

    path = tmp_path / "plan.docx"
    write_official_docx(plan, plan.draft, path)
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    first_line = clean_text(plan.title).split("\n")[0].strip()
    assert first_line in text


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")  # scripts/setup.sh test installs it
def test_a_plan_of_odd_characters_opens_in_libreoffice(qapp, tmp_path):
    from editor.export.official_docx import write_official_docx

    content = small_content()
    odd = "".join(ODD)
    content.focus.focus_areas[0].strategies[0] = Strategy(id="odd", title="奇字" + odd, note=odd, lead_agencies=[odd])
    plan = PlanDocument(title="奇字計畫" + odd, period=Period(start=108, end=111), draft=Revision(content=content))
    write_official_docx(plan, plan.draft, tmp_path / "odd.docx")
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "odd.docx")],
        capture_output=True, timeout=240, check=True,
    )
    text = subprocess.run(["pdftotext", str(tmp_path / "odd.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert "奇字計畫" in text and "奇字" in text.replace("奇字計畫", "")
