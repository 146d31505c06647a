"""The generic acronym of a local board names the page's board whose name does not say "Local"
(session 11).

Before 2019 minutes wrote "the Wakefield and District Safeguarding Children Board" once and "the
LSCB" after: one body, but "LSCB" did not fit a name without "Local", so the page had two boards
and every partner, chair and review said of "the LSCB" went to the wrong one. A regional board
("North Wales ...", an area of several councils) is not a local board: beside it "LSCB" names
the local boards. The places here are real councils (and one region) so that the gazetteer knows
them; the people and sentences are invented.
"""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document


def _boards(text: str) -> list[tuple[str, tuple[str, ...]]]:
    facts = extract(Document("t", text), None)
    return [(o.name, o.aliases) for o in facts.organisations if o.kind not in ("agency", "council", "committee")]


@pytest.mark.parametrize("text, boards", [
    ("The Wakefield and District Safeguarding Children Board met. The LSCB has representatives from the police.",
     [("Wakefield and District Safeguarding Children Board", ("LSCB",))]),
    ("The Barnsley Safeguarding Adults Board met. The LSAB has representatives from the police.",
     [("Barnsley Safeguarding Adults Board", ("LSAB",))]),
    ("The Barnsley Safeguarding Children Partnership met. The LSCP has representatives from the police.",
     [("Barnsley Safeguarding Children Partnership", ("LSCP",))]),
    # a regional board: "LSCB" is the local boards beside it
    ("The North Wales Safeguarding Children Board met. The LSCB has representatives from the police.",
     [("North Wales Safeguarding Children Board", ()), ("LSCB", ())]),
    # the acronym of another kind stays apart
    ("The Barnsley Safeguarding Adults Board met. The LSCB has representatives from the police.",
     [("Barnsley Safeguarding Adults Board", ()), ("LSCB", ())]),
])
def test_the_local_acronym_names_the_local_board(text: str, boards: list[tuple[str, tuple[str, ...]]]) -> None:
    assert _boards(text) == boards


def test_what_is_said_of_the_lscb_goes_to_the_board() -> None:
    text = ("Also in attendance: Professor Ann Hale, Independent Chair of the Wakefield and District Safeguarding "
            "Children Board.\n\nThe LSCB has representatives from the Council, West Yorkshire Police and the CCG.\n")
    facts = extract(Document("t", text), None)
    names = {o.id: o.name for o in facts.organisations}
    assert {(names[p.partnership], p.sector) for p in facts.partners} == {
        ("Wakefield and District Safeguarding Children Board", s) for s in ("local-authority", "police", "health")}
