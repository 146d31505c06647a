"""Meeting date and body on invented layouts (issue 9, round 12): a cover sheet whose "Date of meeting"
follows "Report author" and "Date of report", a minutes heading split over lines (the head word wrapped
onto a line of its own, below or above the rest of the name), a decision record with "Date published"
and "Date of decision" (and the maker's field in other words), a page header with the previous
meeting's date below it, and a web page with no meeting. Every text is invented; each probe is asked
with the rules alone and with the shipped models."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import extract
from kg.model import Document

_PROBES: list[tuple[str, str, str | None, str | None]] = [
    ("cover-sheet", "WESTSHIRE COUNTY COUNCIL\n\nReport to: Children's Services Scrutiny Committee\n"
     "Report author: Jane Hart, Head of Safeguarding\n"
     "Date of meeting: 16 January 2025\nDate of report: 2 January 2025\n\n"
     "Subject: Westshire Safeguarding Children Partnership annual report\n\n1. Summary\n"
     "1.1 This report presents the annual report of the partnership, published on 30 September 2024.\n",
     "Children's Services Scrutiny Committee", "2025-01-16"),
    ("cover-sheet-report-date-first", "Agenda item 7\nReport to: Northfold Adults Scrutiny Panel\n"
     "Report author: Tom Rees, Safeguarding Manager\nReport date: 1 July 2025\nDate of meeting: 15 July 2025\n\n"
     "Northfold Safeguarding Adults Board annual report 2024/25\n",
     "Northfold Adults Scrutiny Panel", "2025-07-15"),
    ("head-word-below", "Eastvale Safeguarding Adults\nBoard\n"
     "Minutes of the meeting held on\nWednesday 12 February\n2025\n"
     "Present: Tom Rees (Chair), Asha Patel (Eastvale ICB)\n\n"
     "1. Minutes of the previous meeting held on 6 November 2024 were agreed.\n",
     "Eastvale Safeguarding Adults Board", "2025-02-12"),
    ("head-word-below-2", "Eastvale Local Safeguarding Children\nBoard\n\n"
     "Minutes of meeting held on 21st May 2025 at Eastvale Town Hall\n\n"
     "Present: Jo Penn (Independent Chair), DI Tom Lowe (Eastvale Police)\n",
     "Eastvale Local Safeguarding Children Board", "2025-05-21"),
    ("second-head-word-below", "Westshire Children's Trust\nBoard\nMinutes of the meeting held on 9 April 2025\n\n"
     "Present: Jane Hart (Chair), Tom Rees\n\n1. Minutes of the meeting held on 5 March 2025 were agreed.\n",
     "Westshire Children's Trust Board", "2025-04-09"),
    ("council-above-cabinet", "Westshire County Council\nCabinet\n"
     "Minutes of the meeting held on Tuesday 10 June 2025\n\n"
     "Present: Councillor Ann Lee (Leader), Councillor Ben Ray\n",
     "Cabinet", "2025-06-10"),
    ("decision-taken-by", "Record of decision\n\nDecision taken by: Cabinet Member for Children's Services\n"
     "Date published: 20 March 2025\nDate of decision: 14 March 2025\nCall-in expiry date: 27 March 2025\n\n"
     "Title: Northfold Safeguarding Children Partnership funding\n\n"
     "Decision: To approve the council's contribution of 90,000 pounds to the partnership for 2025/26.\n",
     "Cabinet Member for Children's Services", "2025-03-14"),
    ("decision-maker-hyphen", "Northfold Borough Council\n\nDecision-maker: Cabinet\nDate of decision: 03/02/2025\n"
     "Date published: 05/02/2025\n\nNorthfold Safeguarding Adults Board annual report\n\n"
     "The Cabinet noted the annual report.\n",
     "Cabinet", "2025-02-03"),
    ("header-over-previous", "Midshire Children's Panel - Tuesday 4th March 2025 10.00 am\n\nMinutes\n\n"
     "Present: Councillor Ann Lee (Chair), Councillor Ben Ray\n\n1. Minutes\n"
     "The Panel agreed the record of its last meeting (2 February 2025).\n\n2. Safeguarding update\n"
     "The panel heard about the work of the Midshire Safeguarding Children Partnership.\n",
     "Midshire Children's Panel", "2025-03-04"),
    ("board-date-block", "MIDSHIRE COUNCIL\nHEALTH AND WELLBEING BOARD\n"
     "Date: Thursday, 23 January 2025\nTime: 2.00 pm\n"
     "Venue: Committee Room 1, Town Hall\n\nReport title: Midshire Safeguarding Adults Board Annual Report 2023/24\n"
     "Report author: Tom Rees, Board Manager\nDate of report: 8 January 2025\n\n"
     "The Board received the annual report.\n",
     "HEALTH AND WELLBEING BOARD", "2025-01-23"),
    ("committee-head-word-below", "Agenda Item 9\n\nNORTHFOLD BOROUGH COUNCIL\n"
     "CHILDREN, YOUNG PEOPLE AND EDUCATION SCRUTINY\nCOMMITTEE\n12 February 2025\n\n"
     "Report of the Director of Children's Services\n",
     "CHILDREN, YOUNG PEOPLE AND EDUCATION SCRUTINY COMMITTEE", "2025-02-12"),
    ("minutes-of-body-held-glued-time", "Minutes of the Midshire Corporate Parenting Panel held on 4th May, "
     "201710.00am at County Hall\n\nPresent: Councillor Ann Lee\n",
     "Midshire Corporate Parenting Panel", "2017-05-04"),
    ("previous-minutes-for-approval", "Westshire Council\n\nAgenda\n\n1. Apologies for absence\n\n"
     "2. Minutes\nThe Minutes of the Westshire Health and Wellbeing Board held on 14th January 2025, to be "
     "signed by the Chair.\n\n3. Safeguarding Adults Board annual report\n",
     "Westshire Health and Wellbeing Board", None),
    ("date-with-dashes", "Eastvale Community Safety Partnership\nMeeting date: 12-03-2025\n\nMinutes\n\n"
     "Present: Jane Hart (Chair), Tom Rees (Eastvale Police)\n",
     "Eastvale Community Safety Partnership", "2025-03-12"),
    ("web-page", "Northfold Safeguarding Children Partnership\n\nNews\n\nPosted on 4 June 2024\n\n"
     "The partnership has launched a new neglect toolkit for practitioners. The toolkit was agreed by the "
     "partnership's executive group in May.\nRead more about our priorities and our annual report.\n"
     "Page last updated: 10 June 2024\n",
     None, None),
]


@pytest.mark.parametrize("name, text, body, date", _PROBES, ids=[p[0] for p in _PROBES])
@pytest.mark.parametrize("models", [{}, None], ids=["rules", "shipped-models"])
def test_meeting_probe(name: str, text: str, body: str | None, date: str | None, models) -> None:
    facts = extract(Document(name, text), models)
    assert (facts.meeting.body, facts.meeting.date) == (body, date)


def test_a_line_above_a_bare_head_word_is_joined_only_when_the_page_names_that_board() -> None:
    # "Westshire County Council" above "Cabinet" is no "Westshire County Council Cabinet"; and a line
    # above "Board" that makes no board of the page leaves the word as the text gives it
    text = ("Annual summary of partnership work\nBoard\nMinutes of the meeting held on 3 March 2025\n\n"
            "Present: Jane Hart (Chair)\n")
    facts = extract(Document("t", text), {})
    assert facts.meeting.body == "Board"
