"""Shapes the lead found in session 19 (issue 9), from the blind rounds r49-r57 (each group of three scored
before any fix). Most fail on the session's start code (45db208); the others guard what must not change."""

from __future__ import annotations

from fact_probes import boards_of, chairs_of, meeting_of

_BULLETIN = ("Posted by the Partnership Team on 3 June 2024\n\n\nPartnership Board Summary – May 2024\n\n"
             "The Lanthorpe and Wexcombe Safeguarding Children Partnership (LWSCP) last met on 21 May 2024. Minutes "
             "of the meeting held on 19 February 2024 were approved.\n\nNeglect: the partners signed off the "
             "neglect strategy.\n\nThe next meeting is on 17 September 2024.\n")


# --- meeting ---

def test_a_bulletins_board_that_last_met_on_a_day_is_the_meeting() -> None:
    assert meeting_of(_BULLETIN) == ("Lanthorpe and Wexcombe Safeguarding Children Partnership", "2024-05-21")


def test_a_bulletins_acronym_that_met_on_a_day_is_the_meeting() -> None:
    text = ("General news\n\nThe LWSAB last met on 26 April 2017.  The minutes of 3 March 2017 were approved.\n\n"
            "The Lanthorpe and Wexcombe Safeguarding Adults Board (LWSAB) heard about self-neglect.\n")
    body, date = meeting_of(text)
    assert date == "2017-04-26"
    assert body in ("LWSAB", "Lanthorpe and Wexcombe Safeguarding Adults Board")


def test_a_board_whose_minutes_from_when_it_met_are_noted_is_no_meeting() -> None:
    text = ("Lanthorpe Borough Council\nCabinet - Monday, 9th March, 2015\n\n5. Minutes of other bodies\n"
            "The minutes of the Lanthorpe Safeguarding Children Board which met on 20 February 2015 were noted.\n")
    assert meeting_of(text) == ("Cabinet", "2015-03-09")


# --- boards ---

def test_a_partnership_executive_is_its_own_board() -> None:
    text = ("Lanthorpe Children and Young People's Partnership Executive\nNotes of the meeting held on 8 November "
            "2011\n\nPresent: Cllr Hal Jessup (Chair), Ann Mistry (Director of Children's Services)\n\n"
            "1. The Executive agreed the plan.\n")
    assert "Lanthorpe Children and Young People's Partnership Executive" in boards_of(text)
    assert chairs_of(text) == {("Hal Jessup", "Lanthorpe Children and Young People's Partnership Executive")}


def test_a_partnerships_executive_director_is_no_board() -> None:
    text = ("Lanthorpe Children and Young People's Partnership: annual report\n\nAnn Mistry, the Lanthorpe "
            "Children and Young People's Partnership Executive Director, presented the plan.\n")
    assert "Lanthorpe Children and Young People's Partnership" in boards_of(text)
    assert not any(n.endswith("Executive Director") or n.endswith("Executive") for n in boards_of(text))
