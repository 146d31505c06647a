"""An attendance list ends where an agenda item's minutes begin (session 11).

A Health and Wellbeing Board's minutes list who was present, then take a partnership's annual
report as an item: "2. Westshire Safeguarding Adults Board Annual Report" over a paragraph of
minutes. The list used to run on into that paragraph (no "1." item closed it, and a blank line
followed by a heading was not seen as the list's end), so the partnership's own members, named in
the item, were read as the host board's attendance and lost. Invented names; the places are real
councils so that the gazetteer knows them.
"""

from __future__ import annotations

from kg.extract.layout import attendance_regions
from kg.extract.pipeline import extract
from kg.model import Document

PAGE = ("Minutes of the Barnsley Health and Wellbeing Board\nThursday 19 October 2023\n\n"
        "Present:\nCouncillor Ida Bale (Chair) – Cabinet Member for Health\n"
        "Superintendent Colin Marsh – Barnsley Police\n\n"
        "2. Barnsley Safeguarding Adults Board Annual Report 2022/23\n"
        "Jean Carter, Independent Chair of the Barnsley Safeguarding Adults Board, presented the annual report. "
        "The statutory partners are the Council, the ICB and the Police.\n")


def test_the_list_ends_at_the_blank_line_before_the_item() -> None:
    [region] = attendance_regions(PAGE)
    assert PAGE[region.start:region.end] == ("Present:\nCouncillor Ida Bale (Chair) – Cabinet Member for Health\n"
                                             "Superintendent Colin Marsh – Barnsley Police")


def test_the_items_board_keeps_the_partners_it_names() -> None:
    facts = extract(Document("t", PAGE), None)
    names = {o.id: o.name for o in facts.organisations}
    sab = {p.sector for p in facts.partners if names[p.partnership] == "Barnsley Safeguarding Adults Board"}
    assert sab == {"local-authority", "health", "police"}


def test_a_list_with_blank_lines_between_its_lines_is_one_list() -> None:
    page = ("Present:\n\nAnn Lee – Barnsley Council\n\nTom Rees – South Yorkshire Police\n\n"
            "Sue Park – Barnsley Place\n\n1. Welcome\nThe Chair welcomed members.\n")
    [region] = attendance_regions(page)
    assert page[region.start:region.end].rstrip().endswith("Sue Park – Barnsley Place")
