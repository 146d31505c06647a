"""A university hospital is a health agency, not an education partner (session 11).

NHS trusts are often named for a university ("Westshire University Teaching Hospital",
"University Hospitals of Eastvale"): the word "university" inside such a name used to be read as
the education sector on its own. Invented places.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document

OWN = "Notes of the Westshire Safeguarding Children Partnership Board held on 3 May 2022\n\n"


@pytest.mark.parametrize("agency", [
    "Westshire University Teaching Hospital",
    "University Hospitals of Eastvale",
    "Eastvale and Westshire University Hospitals",
    "Northfold Teaching Hospitals",
    "Eastvale and Westshire University Health Board",  # Wales's health boards are "University Health Boards"
])
def test_a_university_hospital_is_health(agency: str) -> None:
    text = OWN + f"1. Apologies\nApologies were noted from Westshire Police and {agency}.\n"
    facts = extract(Document("t", text), None)
    assert {p.sector for p in facts.partners} == {"police", "health"}
    assert [(o.name, o.sector) for o in facts.organisations if o.sector == "health"] == [(agency, "health")]


def test_a_university_itself_is_still_education() -> None:
    facts = extract(Document("t", "The Westshire Safeguarding Adults Board is made up of the council, the police "
                                  "and the University of Westshire.\n"), None)
    assert "education" in {p.sector for p in facts.partners}
