"""The plan's own properties change through SetPlanProperties: checked first, inverse exact, journal-ready;
a new period drops only the KPI targets and budget years outside it, and says which."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema.document import Document
from schema.model import Period, PlanDocument, Revision
from schema.operations import OperationError, SetPlanProperties, from_json, to_json
from schema.plan_properties import Drop, drop_ops, period_drops, written
from tests.schema.plans import plan_documents, small_content


def small_plan() -> PlanDocument:
    return PlanDocument(title="測試計畫", organisation="測試市政府", period=Period(start=108, end=111),
                        draft=Revision(content=small_content()))


def plan_with_values():
    plan = small_plan()
    s1 = plan.draft.content.focus.focus_areas[0].strategies[0]
    s1.budget = {108: 1200.0, 109: 1300.5, 111: 900.0}
    s1.kpis = [{"id": "k1", "name": "進駐廠商家數", "unit": "家", "targets": {108: "10", 110: "30", 111: "40"}}]
    return plan


def test_properties_change_and_the_inverse_puts_them_back():
    plan = small_plan()
    document = Document.of_plan(plan)
    style = {**plan.numbering_style.model_dump(), "action": "{1}、", "strategy": "({一})"}
    inverse = document.apply(SetPlanProperties({"title": "高雄市政府110至113年度中程施政計畫", "organisation": "高雄市政府",
                                                "period": {"start": 110, "end": 113}, "numbering_style": style}))
    assert (plan.title, plan.organisation, plan.period.years) == ("高雄市政府110至113年度中程施政計畫", "高雄市政府", [110, 111, 112, 113])
    assert (plan.numbering_style.action, plan.numbering_style.strategy) == ("{1}、", "({一})")
    assert inverse == SetPlanProperties({"title": "測試計畫", "organisation": "測試市政府", "period": {"start": 108, "end": 111},
                                         "numbering_style": {**style, "action": "{1}.", "strategy": "（{一}）"}})
    assert from_json(to_json(inverse)) == inverse  # the recovery journal stores it
    document.apply(inverse)
    assert (plan.title, plan.organisation, plan.period.years) == ("測試計畫", "測試市政府", [108, 109, 110, 111])


@pytest.mark.parametrize("properties, message", [
    ({"title": "  "}, "a plan's title cannot be empty"),
    ({"period": {"start": 112, "end": 109}}, "invalid period: Value error, the period ends (109) before it starts (112)"),
    ({"numbering_style": {"action": "1."}}, "invalid numbering style: Value error, a numbering template holds exactly one of {壹}, {一} or {1} and is short, not '1.'"),
    ({"owner": "x"}, "a plan has no editable property 'owner'"),
    ({"title": "新名稱", "period": {"start": 0, "end": 3}}, "invalid period: Input should be greater than or equal to 1"),
])
def test_a_refused_change_names_the_problem_and_changes_nothing(properties, message):
    plan = small_plan()
    before = plan.model_dump()
    with pytest.raises(OperationError) as caught:
        Document.of_plan(plan).apply(SetPlanProperties(properties))
    assert str(caught.value) == message
    assert plan.model_dump() == before


def test_a_shorter_period_lists_and_drops_only_the_years_outside_it():
    plan = plan_with_values()
    content = plan.draft.content
    new = Period(start=109, end=110)
    assert period_drops(content, new) == [Drop("s1", "推動橋頭科學園區", (108, 111), (("進駐廠商家數", 108), ("進駐廠商家數", 111)))]
    document = Document.of_plan(plan)
    inverses = document.apply_all([SetPlanProperties({"period": new.model_dump()}), *drop_ops(content, new)])
    s1 = document.node("s1")
    assert s1.budget == {109: 1300.5}
    assert (s1.kpis[0].name, s1.kpis[0].unit, s1.kpis[0].targets) == ("進駐廠商家數", "家", {110: "30"})
    document.apply_all(inverses)
    assert s1.budget == {108: 1200.0, 109: 1300.5, 111: 900.0} and s1.kpis[0].targets == {108: "10", 110: "30", 111: "40"}
    assert plan.period.years == [108, 109, 110, 111]


def test_a_longer_period_drops_nothing():
    content = plan_with_values().draft.content
    assert period_drops(content, Period(start=107, end=112)) == [] and drop_ops(content, Period(start=107, end=112)) == []


@settings(max_examples=30, deadline=None)
@given(plan_documents(), st.integers(90, 130), st.integers(0, 6))
def test_after_any_period_change_every_value_is_inside_and_every_inside_value_kept(plan, start, length):
    period = Period(start=start, end=start + length)
    content = plan.draft.content
    before = {s.id: (dict(s.budget), [dict(k.targets) for k in s.kpis]) for a in content.focus.focus_areas for s in a.strategies}
    document = Document.of_plan(plan)
    document.apply_all([SetPlanProperties({"period": period.model_dump()}), *drop_ops(content, period)])
    years = set(period.years)
    for area in content.focus.focus_areas:
        for s in area.strategies:
            budget, targets = before[s.id]
            assert s.budget == {y: v for y, v in budget.items() if y in years}
            assert [k.targets for k in s.kpis] == [{y: v for y, v in t.items() if y in years} for t in targets]


@pytest.mark.parametrize("template, n, text", [("（{一}）", 2, "（二）"), ("({一})", 11, "(十一)"), ("{1}、", 1, "1、"), ("{壹}、", 2, "貳、")])
def test_a_numbering_template_writes_its_numbers(template, n, text):
    assert written(template, n) == text
