"""A case named by a first name in quotes, and "mental ill-health" (session 11).

Annual reports name practice reviews by the pseudonym the family chose, in quotes ('two Local
Child Safeguarding Practice Reviews, for "Ben" and "Amy"'); the review is that case's, one entry
per named case. "Mental ill-health" is the usual British phrase for the theme the scheme calls
mental health. The Designated Officer's work is said in other words than "LADO" ("referrals about
adults working with children"). Invented places.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document

BOARD = "The Westshire Safeguarding Children Partnership met. "


def _facts(text: str):
    return extract(Document("t", BOARD + text), None)


@pytest.mark.parametrize("text, named", [
    ('We published two Local Child Safeguarding Practice Reviews, for "Ben" and "Amy".', {"Ben", "Amy"}),
    ("We published the Local Child Safeguarding Practice Review for “Ben”.", {"Ben"}),
    ("The Safeguarding Adults Review about 'Sarah' was published.", {"Sarah"}),
    # not a known first name, or not beside a review kind: no case name
    ("The Serious Case Review 'Think Family' was discussed.", set()),
    ('Practitioners called the model "Ben" in training.', set()),
])
def test_a_first_name_in_quotes_names_the_review(text: str, named: set[str]) -> None:
    assert {r.name for r in _facts(text).reviews if r.name} == named


@pytest.mark.parametrize("text, has", [
    ("The impact of parental mental ill-health on children was a priority.", True),
    ("Adults with mental ill health were supported.", True),
    ("The Board discussed the budget.", False),
])
def test_mental_ill_health_is_the_mental_health_theme(text: str, has: bool) -> None:
    assert ("mental-health" in {t.theme for t in _facts(text).themes}) is has


@pytest.mark.parametrize("text, has", [
    ("The Designated Officer received 210 referrals about adults working with children.", True),
    ("Allegations concerning staff in schools rose.", True),
    # training for the workforce is not the allegations theme
    ("Training for professionals working with children was delivered.", False),
])
def test_allegations_in_other_words(text: str, has: bool) -> None:
    assert ("allegations" in {t.theme for t in _facts(text).themes}) is has
