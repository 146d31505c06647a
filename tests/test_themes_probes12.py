"""Themes on unseen areas (issue 9, round 12), from invented documents of the kinds held-out sets hold:
annual-report summaries put to a Cabinet, board minutes with many items, cover sheets with their
implications and background papers, inspection mentions, strategy refreshes and budget items.

Positive probes are concerns said in other words (children "told the Board", pupils "permanently
excluded", children "placed ... in other authorities", practitioners who "completed the course",
partners who "agreed their contributions", teenagers "feeling anxious", "a sample of forty case
files"); negative probes are the boilerplate and second meanings of such documents (a report that
"sets out the progress made against" its priorities describes a report, not a quality-assurance
finding; "data migration" of an IT system; "the poor performance of the website"; a training room;
staff who "did not feel listened to" are no voice of the child). Every text is invented; each probe
asks one theme, with the rules alone and with the shipped model."""

from __future__ import annotations

import pytest
from theme_probes import themes_of

_PROBES: list[tuple[str, bool, str]] = [
    # the same concern in other words
    (
        "voice-of-the-child",
        True,
        "Children in Westshire told the Board they did not feel listened to by professionals.",
    ),
    ("voice-of-the-child", True, "Young people in care in Eastvale said they did not feel heard at their reviews."),
    ("voice-of-the-child", False, "Staff in Northfold did not feel listened to by their managers."),
    (
        "voice-of-the-child",
        False,
        "The head of children's services told the Board that the Eastvale budget was balanced.",
    ),
    ("education", True, "The number of pupils permanently excluded from Westshire schools doubled."),
    ("education", True, "Home-schooled children in Northfold are not seen by school staff."),
    ("education", False, "The Northfold home-school liaison officer retired."),
    (
        "cross-border",
        True,
        "Several children from Westshire had been placed in homes many miles away in other authorities.",
    ),
    ("cross-border", False, "Contracts in Westshire were placed with providers in other local authorities."),
    (
        "workforce-training",
        True,
        "Practitioners in Northfold completed the multi-agency course on harmful sexual behaviour.",
    ),
    ("workforce-training", False, "The building work in Eastvale was completed and the golf course reopened."),
    ("workforce-training", False, "The training room at Westshire County Hall has been refurbished."),
    ("workforce-training", False, "Staff from the Eastvale library service attended the event."),
    ("funding", True, "The partners in Midshire agreed their contributions for the coming year."),
    ("funding", False, "The Chair thanked Westshire members for their contributions to the discussion."),
    ("mental-health", True, "Teenagers in Westshire described feeling anxious and low after the exams."),
    ("mental-health", False, "Levels of need in Northfold were felt to be low."),
    ("missing-children", True, "Children who ran away from their Westshire foster homes were found within a day."),
    ("quality-assurance", True, "A sample of forty case files was examined by the Midshire partnership."),
    # a report described, boilerplate of cover sheets, second meanings
    (
        "quality-assurance",
        False,
        "The annual report sets out the progress made against the partnership's priorities in Westshire.",
    ),
    (
        "quality-assurance",
        False,
        "The report summarises the work of the Eastvale partnership over the year and the progress made "
        "against its priorities.",
    ),
    (
        "quality-assurance",
        False,
        "The Annual Report 2024/25 reviewed the progress made against the Northfold business plan.",
    ),
    ("quality-assurance", False, "The new IT system in Eastvale went live in April, and data migration is complete."),
    ("quality-assurance", False, "The officer apologised for the poor performance of the website in Westshire."),
    ("quality-assurance", False, "The data protection officer attended the Northfold meeting."),
    ("funding", False, "Financial implications: there are no financial implications arising from this report."),
    ("radicalisation", False, "Partners will work to prevent recurrence of burglary in the Midshire town centre."),
]


@pytest.mark.parametrize(
    "theme, expected, text", _PROBES, ids=[f"{t}-{'pos' if e else 'neg'}-{i}" for i, (t, e, _) in enumerate(_PROBES)]
)
@pytest.mark.parametrize("model", [False, True], ids=["rules", "shipped-model"])
def test_theme_probe(theme: str, expected: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is expected


def test_a_cover_sheet_s_sections_name_no_theme() -> None:
    # implications, papers and contacts of a report to Cabinet are its form, not its subject
    text = (
        "4. Financial implications\n4.1 There are no direct financial implications arising from this report.\n\n"
        "5. Legal implications\n5.1 None arising from this report.\n\n"
        "6. Background papers\nNone.\n\nContact officer: Jane Hart, Westshire County Council\n"
    )
    assert themes_of(text, False) == set() and themes_of(text, True) == set()
