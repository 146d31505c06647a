"""Themes on unseen areas (issue 9, round 10): words with a second meaning ("to prevent recurrence" is
not Prevent, "referred to the review panel" is not the front door, "crime prevention" is not early help,
the statutory "assesses the effectiveness of local arrangements" is no quality-assurance finding, a post
named in the meeting's register is no subject of it) and the same concern in other words (feedback from
children, cases crossing a county boundary). Every text is invented; each probe asks one theme, with the
rules alone and with the shipped model."""

from __future__ import annotations

import pytest
from theme_probes import themes_of

from kg.extract.themes import _register

_PROBES: list[tuple[str, bool, str]] = [
    ("radicalisation", False, "Actions were agreed to prevent recurrence of the incident in Westshire."),
    ("radicalisation", False, "The aim is to prevent re-occurrence of such harm in Eastvale."),
    ("radicalisation", True, "Prevent referrals in Northfold rose after the training."),
    ("front-door", False, "The case was referred to the review panel for consideration."),
    ("front-door", False, "Eastvale agreed to refer the case to the safeguarding review panel."),
    ("front-door", True, "Referrals to the Westshire front door rose by a fifth this year."),
    ("early-help", False, "Crime prevention officers visited the Northfold estate."),
    ("early-help", False, "The community safety partnership leads on crime prevention in Midshire."),
    ("early-help", True, "Families in Midshire now get help early, before problems escalate."),
    ("quality-assurance", False, "The independent scrutineer assesses the effectiveness of local arrangements."),
    ("quality-assurance", False,
     "The Chair assesses the effectiveness of the local safeguarding arrangements each year."),
    ("quality-assurance", True, "The multi-agency case file audit in Eastvale found gaps in recording."),
    ("voice-of-the-child", True, "Feedback from children shaped the priorities of the Westshire partnership."),
    ("voice-of-the-child", True, "What young people in Eastvale said about school shaped the new plan."),
    ("voice-of-the-child", False, "Feedback from schools shaped the priorities of the Westshire partnership."),
    ("cross-border", True, "The Board reviewed cases that crossed the county boundary."),
    ("cross-border", True, "Several cases crossed the boundary between Westshire and Eastvale."),
    ("cross-border", False, "The Board reviewed cases that were closed in the county."),
    ("early-help", False, "Work on the prevention of further harm to the family continues in Westshire."),
    ("early-help", False, "The suicide prevention strategy for Midshire was agreed."),
    ("voice-of-the-child", True, "Pupils in Eastvale were asked what makes them feel safe."),
    ("voice-of-the-child", True, "The views of teenagers in Midshire shaped the plan."),
    ("voice-of-the-child", False, "Schools in Eastvale were asked to return the section 11 audit."),
    ("cross-border", True, "The child had moved from a neighbouring county before the incident."),
    ("cross-border", True, "Agencies in two counties were involved with the family."),
    ("cross-border", False, "The child had moved from a neighbouring school before the incident."),
    ("cross-border", False, "Agencies in two teams were involved with the family."),
    ("quality-assurance", False, "The officer's performance appraisal was completed in Westshire."),
    ("quality-assurance", False, "The concert performance at the Eastvale town hall was well attended."),
    ("quality-assurance", True, "The Board reviewed the performance data on child protection plans in Eastvale."),
    ("front-door", False, "The threshold for the grant is 10,000 pounds in Northfold."),
    ("front-door", False, "Procurement thresholds in Westshire were raised."),
    ("front-door", False, "He thanked the members for their contacts with the press."),
    ("front-door", True, "Contacts to the Eastvale MASH rose by a tenth."),
    ("front-door", True, "Partners in Midshire share an understanding of the thresholds for children's social care."),
    # the register: who attended, with their posts; the post's words are no subject of the meeting
    ("early-help", False, "Minutes of the Northfold Safeguarding Board Attended: Jane Smith Independent Chair "
                          "Tom Brown Director of Children, education and early help services Ann Lee Nurse"),
    ("early-help", False, "Present: Jane Smith, Independent Chair; Tom Brown, Director of early help services, "
                          "Westshire; Ann Lee, Designated Nurse."),
    ("early-help", True, "Tom Brown presented the early help offer and the Board discussed its reach in Westshire."),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("theme, present, text", _PROBES)
def test_second_meanings_and_other_words(theme: str, present: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is present


@pytest.mark.parametrize("text, register", [
    ("Present: Jane Smith (Chair), Tom Brown", True),
    ("ATTENDED: Jane Smith, Tom Brown", True),
    ("In attendance: Ann Lee", True),
    ("The present arrangements: a review", False),  # "present" as an adjective, not the register's label
    ("Members who attended the event praised it.", False),
])
def test_register_line(text: str, register: bool) -> None:
    assert _register(text) is register
