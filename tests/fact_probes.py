"""What the chair and board probe tests ask of the extractor: the (person, board) chair pairs, the
boards (name -> kind), the people's names, reviews, partners and themes found in a text, and the probe
lists with their unmet shapes marked (one definition for the probe files of every round)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def chairs_of(text: str) -> set[tuple[str, str]]:
    """The text's chairs as (person's name, board's name)."""
    f = extract(Document(id="t", text=text, source="test"))
    people = {p.id: p.name for p in f.people}
    orgs = {o.id: o.name for o in f.organisations}
    return {(people[c.person], orgs[c.organisation]) for c in f.chairs}


def boards_of(text: str) -> dict[str, str]:
    """The text's boards and partnerships (not agencies, councils or committees), name -> kind."""
    f = extract(Document(id="t", text=text, source="test"))
    return {o.name: o.kind for o in f.organisations if o.kind not in ("agency", "council", "committee")}


def people_of(text: str) -> set[str]:
    """The names of the text's people."""
    return {p.name for p in extract(Document(id="t", text=text, source="test")).people}


def reviews_of(text: str) -> set[tuple[str, str | None]]:
    """The text's reviews as (kind, case name)."""
    return {(r.kind, r.name) for r in extract(Document(id="t", text=text, source="test")).reviews}


def partners_of(text: str) -> set[tuple[str, str]]:
    """The text's partners as (board's name, sector)."""
    f = extract(Document(id="t", text=text, source="test"))
    orgs = {o.id: o.name for o in f.organisations}
    return {(orgs[p.partnership], p.sector) for p in f.partners}


def meeting_of(text: str) -> tuple[str | None, str | None]:
    """The text's meeting as (body, ISO date)."""
    m = extract(Document(id="t", text=text, source="test")).meeting
    return (m.body, m.date) if m is not None else (None, None)


def page_themes_of(text: str) -> set[str]:
    """The themes the whole pipeline finds in the text (theme_probes.themes_of runs the theme step alone)."""
    return {t.theme for t in extract(Document(id="t", text=text, source="test")).themes}


def xfail_marked(probes: list, not_met: set[str]) -> list:
    """``probes`` (each named by its first item) with the shapes ``not_met`` as strict xfails, so a
    fix shows up as a failure to remove."""
    return [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in not_met else p for p in probes]
