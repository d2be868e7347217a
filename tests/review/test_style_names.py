"""Style names of a reviewed document, looked up in styles.xml when first asked (editor.review.word_parts.StyleNames)."""
from lxml import etree

from editor.review.word_parts import StyleNames, W

STYLES = f"""<w:styles xmlns:w="{W}">
  <w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/></w:style>
  <w:style w:type="paragraph" w:styleId="PlanAction"><w:name w:val="Plan Action"/></w:style>
  <w:style w:type="paragraph" w:styleId="PlanAction"><w:name w:val="Plan Action (again)"/></w:style>
  <w:style w:type="paragraph" w:styleId="Nameless"/>
  <w:style w:type="paragraph"><w:name w:val="No Id"/></w:style>
</w:styles>"""


def test_a_style_reads_as_its_name_the_last_definition_counting():
    names = StyleNames(etree.fromstring(STYLES))
    assert names["Heading3"] == "heading 3"
    assert names["PlanAction"] == "Plan Action (again)"
    assert names["Nameless"] == ""
    assert names[""] == "No Id"
    assert dict(names) == {"Heading3": "heading 3", "PlanAction": "Plan Action (again)", "Nameless": "", "": "No Id"}


def test_an_undefined_style_or_no_styles_part_reads_as_the_id_itself():
    assert StyleNames(etree.fromstring(STYLES))["Missing"] == "Missing"
    assert StyleNames(None)["PlanAction"] == "PlanAction"
    assert StyleNames(None)[""] == ""
