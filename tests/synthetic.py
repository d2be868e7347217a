"""Generated plans of any size, for benchmarks and property tests (never shown to users)."""
from __future__ import annotations

import random

from schema.model import (
    Action,
    FocusArea,
    Goal,
    Paragraph,
    Period,
    PlanContent,
    PlanDocument,
    Revision,
    Strategy,
)

_WORDS = ("推動", "產業", "轉型", "就業", "交通", "建設", "改善", "空污", "教育", "長照", "智慧", "城市", "防災", "文化", "觀光", "青年", "創新", "永續")


def _sentence(rng: random.Random, length: int) -> str:
    text = "".join(rng.choice(_WORDS) for _ in range(length // 2))
    return text[: length - 1] + "。"


def generate_content(focus_areas: int = 20, strategies: int = 50, actions: int = 4, *, seed: int = 0, text_length: int = 150) -> PlanContent:
    """A plan with ``focus_areas × strategies × actions`` actions; 20 × 50 × 4 gives about 5,000 nodes and 600 k characters."""
    rng = random.Random(seed)
    content = PlanContent()
    content.preface.paragraphs = [Paragraph(text=_sentence(rng, text_length)) for _ in range(5)]
    content.goals.goals = [Goal(title=f"目標{i + 1}{rng.choice(_WORDS)}優先") for i in range(4)]
    areas = []
    for a in range(focus_areas):
        area_strategies = []
        for s in range(strategies):
            area_strategies.append(
                Strategy(
                    title=f"{rng.choice(_WORDS)}{rng.choice(_WORDS)}策略{a + 1}-{s + 1}",
                    body=_sentence(rng, text_length) if s % 3 == 0 else "",
                    actions=[Action(text=_sentence(rng, text_length)) for _ in range(actions)],
                )
            )
        areas.append(FocusArea(title=f"施政重點{a + 1}", strategies=area_strategies))
    content.focus.focus_areas = areas
    content.closing.paragraphs = [Paragraph(text=_sentence(rng, text_length)) for _ in range(2)]
    return PlanContent.model_validate(content.model_dump())


def generate_plan(focus_areas: int = 20, strategies: int = 50, actions: int = 4, *, seed: int = 0) -> PlanDocument:
    content = generate_content(focus_areas, strategies, actions, seed=seed)
    return PlanDocument(
        title="示範市政府108至111年度中程施政計畫",
        organisation="示範市政府",
        period=Period(start=108, end=111),
        revisions=[Revision(label="108年原版", content=content)],
        draft=Revision(label="", content=PlanContent.model_validate(content.model_dump())),
    )
