"""The plan as data: pydantic models of a mid-term administrative plan (中程施政計畫).

The tree of a plan's content is fixed at the top (four sections) and free below:

    preface (理念)            → paragraphs
    goals section (施政目標)   → goals
    focus section (壹、施政重點與發展策略) → focus areas (施政重點) → strategies (推動策略)
                                          → actions (1.) → sub-actions (（1）)
    closing (貳、未來施政藍圖與結語) → paragraphs

Every node carries a stable ``id`` and a ``note`` (修正說明, why it changed in this revision).
Numbers are never stored: they are derived from position (see ``schema.numbering``).
"""
from __future__ import annotations

from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, Field, model_validator

from schema import rules
from schema.base import _Model, new_id
from schema.rules import CHILDREN_FIELD, FORMAT_VERSION
from schema.rules import repeated_label as repeated_label  # the file's rule, used from here by the document


class _Node(_Model):
    id: str = Field(default_factory=new_id, min_length=1)
    note: str = Field("", description="修正說明: why this item changed in this revision")
    # The list field holding the node's children, if any (schema.tree.KINDS reads it from here).
    children_field: ClassVar[str | None] = None


class Paragraph(_Node):
    """A free paragraph of the preface (理念) or of the closing section (結語)."""

    kind: Literal["paragraph"] = "paragraph"
    text: str = ""


class Goal(_Node):
    """A priority (施政目標), e.g. 產業轉型優先."""

    kind: Literal["goal"] = "goal"
    title: str = ""
    body: str = ""


class Action(_Node):
    """A numbered action (1.) under a strategy; an action may hold sub-actions (（1）), one level deep."""

    kind: Literal["action"] = "action"
    text: str = ""
    actions: list[Action] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["action"]


class KPI(_Model):
    """A key performance indicator (關鍵績效指標) with one target (年度目標值) per year."""

    id: str = Field(default_factory=new_id, min_length=1)
    name: str = ""
    measurement: str = Field("", description="衡量標準")
    unit: str = ""
    targets: dict[int, str] = Field(default_factory=dict, description="ROC year → 年度目標值")
    # Columns of other cities' KPI tables (策略績效目標｜衡量指標｜評估體制｜衡量標準｜目標值); left out
    # of the file when empty, so a plan that does not use them is written as before they existed.
    objective: str = Field("", exclude_if=lambda v: not v, description="策略績效目標: the goal the indicator measures")
    assessment: str = Field("", exclude_if=lambda v: not v, description="評估體制: how it is assessed, e.g. 統計資料")


_QUOTE_MARKS = str.maketrans("", "", "「」『』")


class Strategy(_Node):
    """A strategy (推動策略) of a focus area: a body paragraph, numbered actions, or both."""

    kind: Literal["strategy"] = "strategy"
    title: str = ""
    chart_label: str = Field("", description="the short label of the framework chart (架構圖); empty = title")
    body: str = Field("", description="body paragraphs, one per line")
    actions: list[Action] = Field(default_factory=list)
    lead_agencies: list[str] = Field(default_factory=list, description="主辦機關")
    supporting_agencies: list[str] = Field(default_factory=list, description="協辦機關")
    goal_ids: list[str] = Field(default_factory=list, description="ids of the goals (施政目標) it serves")
    kpis: list[KPI] = Field(default_factory=list)
    budget: dict[int, float] = Field(default_factory=dict, description="ROC year → budget in 千元")
    children_field: ClassVar[str | None] = CHILDREN_FIELD["strategy"]
    _actions_nest_two_levels = model_validator(mode="after")(rules.actions_nest_two_levels)

    @property
    def chart_text(self) -> str:
        """What the framework chart prints: its own label, else the title without 「」 (as the published chart)."""
        return self.chart_label.strip() or self.title.translate(_QUOTE_MARKS)


class FocusArea(_Node):
    """A focus area (施政重點), e.g. 拚經濟."""

    kind: Literal["focus_area"] = "focus_area"
    title: str = ""
    body: str = ""
    strategies: list[Strategy] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["focus_area"]


class Preface(_Node):
    """The preface or vision (理念): free paragraphs before the numbered sections."""

    kind: Literal["preface"] = "preface"
    title: str = "理念"
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["preface"]


class GoalsSection(_Node):
    kind: Literal["goals_section"] = "goals_section"
    title: str = "施政目標"
    goals: list[Goal] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["goals_section"]


class FocusSection(_Node):
    """Section 壹: the focus areas and their strategies (施政重點與發展策略)."""

    kind: Literal["focus_section"] = "focus_section"
    title: str = "施政重點與發展策略"
    focus_areas: list[FocusArea] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["focus_section"]


class Closing(_Node):
    """Section 貳: the closing (未來施政藍圖與結語)."""

    kind: Literal["closing"] = "closing"
    title: str = "未來施政藍圖與結語"
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children_field: ClassVar[str | None] = CHILDREN_FIELD["closing"]


AnyNode = Paragraph | Goal | Action | Strategy | FocusArea | Preface | GoalsSection | FocusSection | Closing
TextNode = Paragraph | Action  # named by its ``text``
TitledNode = Goal | FocusArea | Strategy | Preface | GoalsSection | FocusSection | Closing  # named by its ``title``
SectionNode = Preface | GoalsSection | FocusSection | Closing  # the four fixed sections
# The same unions as tuples of classes, for isinstance() (which both narrows the type and is fast).
TEXT_NODES = (Paragraph, Action)
BODY_NODES = (Goal, FocusArea, Strategy)  # a title and a ``body``


class PlanContent(_Model):
    """The text of one version of the plan: its four sections."""

    preface: Preface = Field(default_factory=Preface)
    goals: GoalsSection = Field(default_factory=GoalsSection)
    focus: FocusSection = Field(default_factory=FocusSection)
    closing: Closing = Field(default_factory=Closing)

    _ids_are_unique = model_validator(mode="after")(rules.ids_are_unique)


class Revision(_Model):
    """A snapshot of the plan (e.g. 109年修正版), or the working draft."""

    id: str = Field(default_factory=new_id, min_length=1)
    label: str = ""
    date: str = Field("", description="ISO date, e.g. 2020-06-30")
    author: str = ""
    note: str = ""
    content: PlanContent = Field(default_factory=PlanContent)
    # Left out of the file when empty: a revision without attributed edits is written as before the field existed.
    authors: dict[str, str] = Field(default_factory=dict, exclude_if=lambda v: not v,
                                    description="node id → who made its latest change in this revision (修改者)")


class Period(_Model):
    """The plan's period in ROC years (民國), e.g. 108–111."""

    start: int = Field(ge=1, le=999)
    end: int = Field(ge=1, le=999)

    _ordered = model_validator(mode="after")(rules.period_ordered)

    @property
    def years(self) -> list[int]:
        return list(range(self.start, self.end + 1))


_Template = Annotated[str, AfterValidator(rules.one_placeholder)]


class NumberingStyle(_Model):
    """How the numbers of the ladder are written (編號格式); the positions still decide the numbers.

    Each level is a template with one placeholder: ``{壹}`` formal Chinese numerals (壹 貳 參),
    ``{一}`` ordinary ones (一 二 三), ``{1}`` Arabic digits. The defaults are the ladder of the
    published plan and of the 文書處理手冊: 壹、 一、 （一） 1. （1）; another city may write
    actions as ``{1}、`` or strategies with half-width parentheses ``({一})``.
    """

    section: _Template = "{壹}、"
    focus_area: _Template = "{一}、"
    strategy: _Template = "（{一}）"
    action: _Template = "{1}."
    sub_action: _Template = "（{1}）"


class HandOut(_Model):
    """What a part of a plan handed out to a bureau (局處) remembers of where it came from (see ``schema.part``)."""

    agency: str = Field("", description="the lead agency (主辦機關) whose strategies these are; empty: whole focus areas")
    roots: list[str] = Field(default_factory=list, description="ids of the focus areas or strategies handed out")
    base: PlanContent = Field(default_factory=PlanContent, description="the part as it was handed out: the base of its merge back")
    plan_title: str = ""
    date: str = Field("", description="ISO date and time it was handed out")


class PlanDocument(_Model):
    """A plan file: the plan's identity, its revisions (oldest first) and the working draft."""

    format_version: Annotated[int, AfterValidator(rules.current_format)] = FORMAT_VERSION
    title: str = Field(min_length=1, description="e.g. 高雄市政府108至111年度中程施政計畫理念")
    organisation: str = ""
    period: Period
    numbering_style: NumberingStyle = Field(default_factory=NumberingStyle)
    revisions: list[Revision] = Field(default_factory=list)
    draft: Revision = Field(default_factory=Revision)
    proposals: list[Proposal] = Field(default_factory=list, description="suggested changes not yet decided, and decided ones as history")
    # Left out of the file when unset: a whole plan (every file but a part) is written as before the field existed.
    handed_out: HandOut | None = Field(None, exclude_if=lambda v: v is None,
                                       description="set in a part handed out to a bureau: what it was cut from")

    _labels_are_unique = model_validator(mode="after")(rules.labels_are_unique)

    def revision(self, label: str) -> Revision:
        """The revision with that label; the draft answers to its own label too."""
        for rev in self.revisions:
            if rev.label == label:
                return rev
        if self.draft.label == label:
            return self.draft
        known = "、".join([r.label for r in self.revisions] + ([self.draft.label] if self.draft.label else []))
        raise KeyError(f"no revision labelled {label!r} (known: {known or 'none'})")

    def label_of(self, revision: Revision | None = None) -> str:
        """The label documents give ``revision`` (None: the working draft): its own, or for an unlabelled
        draft the latest revision's or 修正草案 (rules.draft_label)."""
        revision = revision or self.draft
        if revision.label or revision is not self.draft or not self.revisions:
            return revision.label
        latest = self.revisions[-1]
        return rules.draft_label(latest.label, revision.content != latest.content)

    def full_title(self, revision: Revision | None = None) -> str:
        """The cover title, e.g. 高雄市政府108至111年度中程施政計畫理念（109年修正版）."""
        return rules.full_title(self.title, self.label_of(revision))


from schema.proposals import Proposal  # noqa: E402 - proposals build on this module's base model

PlanDocument.model_rebuild()
