"""A decision record's maker is the post, not the councillor who holds it (session 11).

"Decision maker: Cabinet Member for Children and Families, Councillor Ann Lee" names the body
that decided (the post) and the person holding it; the meeting's body is the post, and the
person is found as a person of the page. Invented names and places.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document

RECORD = ("RECORD OF DECISION\n\nDecision maker: {maker}\nDate of decision: 9 February 2024\n"
          "Subject: Westshire Safeguarding Children Partnership annual report\n\n"
          "Decision:\n1. To note the annual report of the Westshire Safeguarding Children Partnership.\n")


@pytest.mark.parametrize("maker, body", [
    ("Cabinet Member for Children and Families, Councillor Ann Lee", "Cabinet Member for Children and Families"),
    ("Cabinet Member for Adults (Cllr Jo Penn)", "Cabinet Member for Adults"),
    ("Leader of the Council - Councillor Tom Rees", "Leader of the Council"),
    ("Cabinet Member for Children, Westshire County Council", "Cabinet Member for Children"),
    ("Cabinet", "Cabinet"),
])
@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_the_decision_maker_is_the_post(maker: str, body: str, models) -> None:
    facts = extract(Document("t", RECORD.format(maker=maker)), models)
    assert (facts.meeting.body, facts.meeting.date) == (body, "2024-02-09")


def test_the_holder_is_still_a_person_of_the_page() -> None:
    facts = extract(Document("t", RECORD.format(maker="Cabinet Member for Adults, Councillor Ann Lee")), None)
    assert [p.name for p in facts.people] == ["Ann Lee"]
