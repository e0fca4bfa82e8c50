"""Content files (YAML + Markdown) → typed narrative models, one per section, held by ``Content``.

Rich text fields accept a Markdown string on input and hold a parsed :class:`RichText`; short list items
(facts, factors, roles, findings) are plain strings. The layout escapes every string it draws.
Numbers that calculators compute never live here; numbers people know (schools, hospitals) do.
"""
from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, ConfigDict, Field, field_validator, model_validator

from snareport.content.markdown import RichText, parse_markdown
from snareport.models.common import FrozenModel

__all__ = [
    "Markdown", "Foreword", "Recommendation", "AimAndPurpose", "ViolenceDefinition", "BoardMember", "Board",
    "FactorLevel", "RiskAndProtectiveFactors", "PublicHealthApproach", "CountyFacts", "DrugsAndAlcohol",
    "ChildrensVoices", "WhatWorksStep", "EcologicalLevel", "WhatWorks", "LeadIn", "Availability",
    "YouthEndowmentFund",
    "GlossaryEntry", "Achievement", "SectionIntros", "Content",
]


def _as_rich_text(value: Any) -> Any:
    if value is None:
        return RichText()
    if isinstance(value, str):
        return parse_markdown(value)
    return value


Markdown = Annotated[RichText, BeforeValidator(_as_rich_text, json_schema_input_type=str)]
"""A rich text field: written as a Markdown string, stored as RichText."""


class _Section(FrozenModel):
    model_config = ConfigDict(coerce_numbers_to_str=True)


class Foreword(_Section):
    """``foreword.md``: a signed letter opening the report."""

    title: str
    body: Markdown
    signatory: str
    role: str


class Recommendation(_Section):
    """One key recommendation: a short bold lead-in, then the text."""

    lead: str
    text: Markdown


class AimAndPurpose(_Section):
    """``aim_and_purpose.md``: why the needs assessment exists and who uses it."""

    title: str = "Aim and purpose of the needs assessment"
    body: Markdown


class ViolenceDefinition(_Section):
    """``definition.md``: how the Board came to its definition, and the definition itself (quoted)."""

    title: str = "Serious violence definition"
    intro: Markdown
    definition: str


class BoardMember(_Section):
    organisation: str
    roles: list[str] = Field(min_length=1)


class Board(_Section):
    """``board.yaml``: what the Board does, and who sits on it."""

    title: str = "Who are the Board?"
    intro: Markdown
    members: list[BoardMember] = Field(min_length=1)


class FactorLevel(_Section):
    """Risk and protective factors at one level of the ecological model."""

    label: str
    risk: list[str] = Field(min_length=1)
    protective: list[str] = Field(min_length=1)


class RiskAndProtectiveFactors(_Section):
    individual: FactorLevel
    relationships: FactorLevel
    community: FactorLevel

    def levels(self) -> list[FactorLevel]:
        """The three levels, from the person outwards."""
        return [self.individual, self.relationships, self.community]


class PublicHealthApproach(_Section):
    """``public_health.yaml``: violence as a health issue, and its risk and protective factors."""

    title: str = "What is a public health approach?"
    body: Markdown
    factors_intro: Markdown = Field(default_factory=RichText)
    factors: RiskAndProtectiveFactors


class CountyFacts(_Section):
    """``county_facts.yaml``: facts about the area people know (schools, hospitals, prisons).

    Population figures are not here: the county profile calculator computes them.
    """

    intro: Markdown = Field(default_factory=RichText)
    education: list[str] = Field(min_length=1)
    health: list[str] = Field(min_length=1)
    prisons: list[str] = Field(min_length=1)


class DrugsAndAlcohol(_Section):
    """``drugs_and_alcohol.yaml``: the drug- and alcohol-related violence project."""

    title: str = "Drugs and alcohol"
    intro: Markdown
    aim: Markdown
    outcomes_intro: str
    outcomes: list[str] = Field(min_length=1)


class ChildrensVoices(_Section):
    """``childrens_voices.yaml``: what children told the partnership.

    ``paraphrased`` holds what children said, in the partnership's own words; it is printed as plain text,
    never in quotation marks. ``quotes`` is only for words a child actually said and agreed to share, and
    needs ``quotes_source`` (who gathered them, when); made-up words must never be printed as quotes.
    """

    title: str = "Children's voices"
    intro: Markdown
    key_findings: list[str] = Field(min_length=1)
    paraphrased: list[str] = Field(default_factory=list)
    paraphrased_note: str = ""
    quotes: list[str] = Field(default_factory=list)
    quotes_source: str = ""

    @model_validator(mode="after")
    def _quotes_have_a_source(self) -> ChildrensVoices:
        if self.quotes and not self.quotes_source.strip():
            raise ValueError("quotes need quotes_source: who gathered the children's own words, and when "
                             "(use paraphrased for themes written in our own words)")
        return self


class WhatWorksStep(_Section):
    """One step of the WHO public health process: a short name and what it means."""

    step: str
    text: str


class EcologicalLevel(_Section):
    level: str
    text: str


class WhatWorks(_Section):
    """``what_works.yaml``: the evidence on preventing violence (WHO steps, ecological model)."""

    title: str = "What works"
    intro: Markdown
    who_steps_intro: str = ""
    who_steps: list[WhatWorksStep] = Field(min_length=1)
    ecological_intro: Markdown = Field(default_factory=RichText)
    ecological_levels: list[EcologicalLevel] = Field(min_length=1)
    closing: Markdown = Field(default_factory=RichText)


class LeadIn(_Section):
    """An item written as a bold lead-in followed by text."""

    lead: str
    text: str


class Availability(_Section):
    """Where one intervention can be reached: in every district (``districts: all``) or only in the
    districts named (as in report.yaml), and how it is offered there."""

    intervention: str
    districts: Literal["all"] | list[str] = Field(min_length=1)
    text: str


class YouthEndowmentFund(_Section):
    """``yef.yaml``: the interventions with the strongest evidence, and where they are available here.

    ``local_availability`` is the text the whole-area report prints. ``availability`` (optional) says the
    same per intervention and district, so a district report without its own ``yef.yaml`` can say what is
    available in the district itself and what is based elsewhere in the area.
    """

    title: str = "Youth Endowment Fund"
    intro: Markdown
    interventions_intro: str = ""
    interventions: list[LeadIn] = Field(min_length=1)
    evidence_note: Markdown = Field(default_factory=RichText)
    local_availability: Markdown
    availability: list[Availability] = Field(default_factory=list)


class GlossaryEntry(_Section):
    term: str
    definition: Markdown


class Achievement(_Section):
    """A non-statistical achievement shown beside the computed ones (``achievements.yaml``)."""

    headline: str
    text: Markdown


class SectionIntros(_Section):
    """``section_intros.yaml``: short narrative paragraphs opening the data sections.

    No figures here: the numbers beside them come from the calculators.
    """

    achievements: Markdown = Field(default_factory=RichText)
    population: Markdown = Field(default_factory=RichText)
    demographics: Markdown = Field(default_factory=RichText)
    geography: Markdown = Field(default_factory=RichText)
    temporal: Markdown = Field(default_factory=RichText)
    knives: Markdown = Field(default_factory=RichText)
    sexual_violence: Markdown = Field(default_factory=RichText)
    hospital_admissions: Markdown = Field(default_factory=RichText)


class Content(_Section):
    """All the narrative of one report (county, or a district with its overrides merged in)."""

    foreword: Foreword
    aim_and_purpose: AimAndPurpose
    definition: ViolenceDefinition
    glossary: list[GlossaryEntry] = Field(min_length=1)
    # Sections a report may go without (its file absent): the section is then left out, with its
    # contents entry. An open data edition has no board, partners or local projects to describe.
    recommendations: list[Recommendation] | None = Field(default=None, min_length=1)
    board: Board | None = None
    public_health: PublicHealthApproach | None = None
    county_facts: CountyFacts | None = None
    drugs_and_alcohol: DrugsAndAlcohol | None = None
    childrens_voices: ChildrensVoices | None = None
    what_works: WhatWorks | None = None
    yef: YouthEndowmentFund | None = None
    partners: list[str] | None = Field(default=None, min_length=1)
    achievements: list[Achievement] = Field(default_factory=list)
    section_intros: SectionIntros = Field(default_factory=SectionIntros)
    methodology: Markdown = Field(default_factory=RichText)

    @field_validator("glossary")
    @classmethod
    def _unique_terms(cls, entries: list[GlossaryEntry]) -> list[GlossaryEntry]:
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            key = entry.term.casefold().strip()
            if key in seen:
                raise ValueError(f"term {entry.term!r} (item {i}) repeats item {seen[key]}")
            seen[key] = i
        return entries

    def glossary_sorted(self) -> list[GlossaryEntry]:
        """Glossary entries in alphabetical order of term, ignoring case."""
        return sorted(self.glossary, key=lambda e: (e.term.casefold(), e.term))
