"""People and posts in shapes the lead met in invented whole documents (session 11): first, lists
of councillors whose members carry a post in brackets.

Council minutes open with "Present: Councillors A. Hale (Chairman), B. Penn (Vice-Chairman),
C. Idris and D. Lund". Initialled names are people only because the plural honorific vouches
for the whole list, so a bracketed post after one member must not end the list: before this,
every member after the first bracket was lost. Invented names and places throughout.
"""

from __future__ import annotations

import pytest
from fact_probes import chairs_of

from kg.extract.pipeline import extract
from kg.model import Document


def _people(text: str) -> list[str]:
    return [p.name for p in extract(Document("t", text), {}).people]


@pytest.mark.parametrize("text, names", [
    ("Present: Councillors R. Hale (Vice-Chairman), T. Penn, S. Idris and J. Lund.",
     ["R Hale", "T Penn", "S Idris", "J Lund"]),
    ("Present: Councillors R Hale (Vice-Chair), T Penn and J Lund.", ["R Hale", "T Penn", "J Lund"]),
    ("Members present: Cllrs T. Penn (Chairman), S. Idris, J. Lund", ["T Penn", "S Idris", "J Lund"]),
    ("PRESENT: Councillor P. Okoro (Chairman); Councillors R. Hale (Vice-Chairman), T. Penn (from item 4), "
     "S. Idris and J. Lund.", ["P Okoro", "R Hale", "T Penn", "S Idris", "J Lund"]),
    ("Present: Councillors Hale (Vice-Chair), Penn, Idris and Lund.", ["Hale", "Penn", "Idris", "Lund"]),
    ("Apologies: Councillors R. Hale (Westshire County Council) and T. Penn.", ["R Hale", "T Penn"]),
])
def test_a_bracketed_post_does_not_end_the_list(text: str, names: list[str]) -> None:
    assert _people(text) == names


def test_the_list_still_ends_where_its_names_do() -> None:
    # a bracket followed by prose, not by a separator, ends the list as before
    assert _people("Present: Councillors R. Hale (Chair) The Committee met in Westshire.") == ["R Hale"]
    # a long bracket is not a post: the list stops there
    text = ("Present: Councillors R. Hale (who joined the meeting remotely for the second half of the business), "
            "T. Penn and J. Lund.")
    assert _people(text) == ["R Hale"]


@pytest.mark.parametrize("text, names", [
    # an attendance line's agency cell is two capitalised words like a name; a council's place in it
    # (from the gazetteer of councils) and no known given name first make it a body, not a person
    ("Present:\nNeil Prendergast – Healthwatch Barnsley\nShona Ives – Chief Executive, Barnsley Voluntary Action\n",
     ["Neil Prendergast", "Shona Ives"]),
    ("Present:\nDr Lucinda Hart – Clinical Director, Barnsley Place, NHS South Yorkshire ICB\n", ["Lucinda Hart"]),
    # a person whose surname is a place keeps it: the given name is known
    ("Present:\nAnn Barnsley – Head of Service\nTom Rees – Barnsley Police\n", ["Ann Barnsley", "Tom Rees"]),
])
def test_a_place_named_body_in_an_attendance_line_is_not_a_person(text: str, names: list[str]) -> None:
    assert _people(text) == names


@pytest.mark.parametrize("text, names", [
    # Welsh councils head their pages "Cyngor Sir <place>" (County Council): "Sir" is no knight there
    ("Cyngor Sir Ddinbych / Denbighshire County Council\nThe Committee met.", []),
    ("CYNGOR SIR YNYS MÔN\nIsle of Anglesey County Council", []),
    ("Cyngor Sir Powys County Council. Sir Francis Hale attended.", ["Francis Hale"]),
])
def test_cyngor_sir_is_a_council_not_a_knight(text: str, names: list[str]) -> None:
    assert _people(text) == names


@pytest.mark.parametrize("text, chairs", [
    # a co-chair chairs the board (as "Co-Chair of" and "co-chaired by" already said), in lower case too
    ("Ann Lee, co-chair of the Westshire Safeguarding Children Partnership, presented the report.",
     {("Ann Lee", "Westshire Safeguarding Children Partnership")}),
    ("Tom Rees, the co-chair of the Westshire Safeguarding Adults Board, introduced the update.",
     {("Tom Rees", "Westshire Safeguarding Adults Board")}),
    # a vice-chair does not
    ("Tom Rees, vice-chair of the Westshire Safeguarding Adults Board, introduced the update.", set()),
])
def test_a_co_chair_in_lower_case(text: str, chairs: set[tuple[str, str]]) -> None:
    assert chairs_of(text) == chairs


@pytest.mark.parametrize("text, names", [
    # an HTML table is read as rows of tab-separated cells: the row's first cell is a person whatever
    # the given name, as a "Name - Title, Agency" line is
    ("Present:\n\nName\tRole\tOrganisation\nOlu Bankole\tChief Executive\tVoluntary Action Rotherham\n"
     "Xanthe Quill\tHead of Service\tRotherham Council\n", ["Olu Bankole", "Xanthe Quill"]),
    # the header row is no person, and a row does not run on into the next line
    ("Present:\n\nName\tRole\tOrganisation\nAnn Lee\tChair\tWestshire SAB\n", ["Ann Lee"]),
])
def test_a_table_row_of_cells_names_a_person(text: str, names: list[str]) -> None:
    assert _people(text) == names
