"""Hypothesis strategies and small hand-made plans shared by the schema tests."""
from __future__ import annotations

from hypothesis import strategies as st

from schema.fileio import load_plan
from schema.model import KPI, Action, FocusArea, Goal, Paragraph, Period, PlanContent, PlanDocument, Revision, Strategy
from tests.paths import SAMPLE

texts = st.text(max_size=30)
short_lists = dict(max_size=3)


def _actions(depth: int):
    if depth == 0:
        return st.just([])
    return st.lists(st.builds(Action, text=texts, note=texts, actions=_actions(depth - 1)), **short_lists)


strategies_ = st.builds(
    Strategy,
    title=texts,
    chart_label=texts,
    body=texts,
    note=texts,
    actions=_actions(2),
    lead_agencies=st.lists(texts, max_size=2),
    goal_ids=st.lists(st.text("0123456789abcdef", min_size=12, max_size=12), max_size=2),
    kpis=st.lists(st.builds(KPI, name=texts, unit=texts, objective=texts, targets=st.dictionaries(st.integers(100, 120), texts, max_size=3)), max_size=2),
    budget=st.dictionaries(st.integers(100, 120), st.floats(0, 1e9, allow_nan=False), max_size=3),
)


@st.composite
def plan_contents(draw) -> PlanContent:
    content = PlanContent()
    content.preface.paragraphs = draw(st.lists(st.builds(Paragraph, text=texts), **short_lists))
    content.goals.goals = draw(st.lists(st.builds(Goal, title=texts), **short_lists))
    content.focus.focus_areas = draw(
        st.lists(st.builds(FocusArea, title=texts, strategies=st.lists(strategies_, max_size=3)), max_size=3)
    )
    content.closing.paragraphs = draw(st.lists(st.builds(Paragraph, text=texts), **short_lists))
    return PlanContent.model_validate(content.model_dump())


@st.composite
def plan_documents(draw) -> PlanDocument:
    start = draw(st.integers(1, 900))
    content = draw(plan_contents())
    return PlanDocument(
        title=draw(st.text(min_size=1, max_size=20)),
        organisation=draw(texts),
        period=Period(start=start, end=start + draw(st.integers(0, 8))),
        revisions=[Revision(label="108年原版", content=content)],
        draft=Revision(label=draw(texts.filter(lambda s: s != "108年原版")), content=PlanContent.model_validate(content.model_dump())),
    )


def small_content() -> PlanContent:
    """Two focus areas, three strategies, actions with one sub-action: enough to move things around."""
    return PlanContent.model_validate(
        {
            "preface": {"paragraphs": [{"id": "p1", "text": "前言第一段。"}]},
            "goals": {"goals": [{"id": "g1", "title": "產業轉型優先"}, {"id": "g2", "title": "增加就業優先"}]},
            "focus": {
                "id": "fs",
                "focus_areas": [
                    {
                        "id": "fa1",
                        "title": "拚經濟",
                        "strategies": [
                            {"id": "s1", "title": "推動橋頭科學園區", "actions": [
                                {"id": "a1", "text": "成立專案推動小組。", "actions": [{"id": "a1x", "text": "細項。"}]},
                                {"id": "a2", "text": "籌設聯外道路。"},
                            ]},
                            {"id": "s2", "title": "亞洲新灣區再啟航", "body": "引進民間資源。"},
                        ],
                    },
                    {"id": "fa2", "title": "衝就業", "strategies": [{"id": "s3", "title": "建置青年創業資源網"}]},
                ],
            },
            "closing": {"id": "cl", "paragraphs": [{"id": "c1", "text": "結語。"}]},
        }
    )


def agency_plan() -> PlanDocument:
    """The sample with lead agencies: 經濟發展局 leads (一)(三) of 拚經濟 and (二) of 衝就業; 青年局 (一) of 衝就業."""
    plan = load_plan(SAMPLE)
    areas = plan.draft.content.focus.focus_areas
    for strategy in (areas[0].strategies[0], areas[0].strategies[2], areas[1].strategies[1]):
        strategy.lead_agencies = ["經濟發展局"]
    areas[1].strategies[0].lead_agencies = ["青年局"]
    return plan
