"""kg.extract.attach: a mention is about the board nearest it in the text, the main board
only when nothing nearer names one, and no board when the document names none."""

from __future__ import annotations

from kg.extract.attach import Attacher
from kg.extract.orgs import cluster_boards, find_board_mentions, main_board
from kg.extract.pipeline import extract
from kg.extract.rules import rules
from kg.extract.stats import extract_statistics
from kg.extract.text import sentences
from kg.model import Document

TEXT = """Kestrel Vale Safeguarding Children Partnership: annual report

The Kestrel Vale Safeguarding Children Partnership met six times this year and its report was welcomed.

The Kestrel Vale Safeguarding Adults Board reported on its work this year. It found that self-neglect remained its largest concern.

Kestrel Vale Domestic Abuse Board

Refuge places were still too few for the demand.

The partnership thanked the Councillors for their questions.

Work on exploitation continued between the Kestrel Vale Safeguarding Adults Board and this partnership.
"""


def attacher() -> tuple[Attacher, list, str]:
    r = rules()
    clusters = cluster_boards(TEXT, find_board_mentions(TEXT, r), r)
    clusters.sort(key=lambda c: c.first)
    return Attacher(TEXT, sentences(TEXT), clusters, main_board(clusters, TEXT)), clusters, TEXT


def about(phrase: str) -> tuple[str | None, str]:
    a, clusters, text = attacher()
    start = text.index(phrase)
    board, level = a.board(start, start + len(phrase))
    return (clusters[board].name if board is not None else None), level


def test_sentence_names_the_board() -> None:
    assert about("The Kestrel Vale Safeguarding Adults Board reported on its work this year.") == \
        ("Kestrel Vale Safeguarding Adults Board", "sentence")


def test_paragraph_carries_the_board_named_before() -> None:
    assert about("It found that self-neglect remained its largest concern.") == \
        ("Kestrel Vale Safeguarding Adults Board", "paragraph")


def test_section_heading_names_the_board() -> None:
    assert about("Refuge places were still too few for the demand.") == ("Kestrel Vale Domestic Abuse Board", "section")


def test_several_boards_and_this_partnership_mean_the_main_board() -> None:
    assert about("Work on exploitation continued between the Kestrel Vale Safeguarding Adults Board and this partnership.") \
        == ("Kestrel Vale Safeguarding Children Partnership", "sentence")


def test_a_position_picks_the_nearest_board_in_the_sentence() -> None:
    a, clusters, text = attacher()
    s = text.index("Work on exploitation")
    e = text.index("\n", s)
    board, _ = a.board(s, e, at=text.index("Adults Board", s))
    assert clusters[board].name == "Kestrel Vale Safeguarding Adults Board"


def test_no_board_named_means_none() -> None:
    text = "The committee discussed neglect in the family home at length.\n"
    facts = extract(Document("x", text))
    assert [t.organisation for t in facts.themes] == [None] * len(facts.themes)
    assert facts.themes  # neglect was found, and attached to nothing


def test_review_goes_to_the_board_that_commissioned_it() -> None:
    text = ("The Kestrel Vale Safeguarding Children Partnership presented its report.\n\n"
            "Currently, a review is being commissioned by the Kestrel Vale Safeguarding Adults Board.\n")
    facts = extract(Document("y", text))
    names = {o.id: o.name for o in facts.organisations}
    assert [(r.kind, names[r.organisation]) for r in facts.reviews] == \
        [("safeguarding-adults-review", "Kestrel Vale Safeguarding Adults Board")]
    # two boards in one sentence: the one that commissioned it, not the one that noted it
    text = ("The Kestrel Vale Safeguarding Children Partnership noted that a review was commissioned by "
            "the Kestrel Vale Safeguarding Adults Board last year.\n")
    facts = extract(Document("z", text))
    names = {o.id: o.name for o in facts.organisations}
    assert [(r.kind, names[r.organisation]) for r in facts.reviews] == \
        [("safeguarding-adults-review", "Kestrel Vale Safeguarding Adults Board")]


def test_statistic_measures_come_from_the_clause_of_the_number() -> None:
    text = ("Roughly 60% of the partnership's expenditure is spent on staffing, and the rest is spent on training.\n"
            "A Councillor asked whether the number of children missing from education (65) was of concern.\n"
            "(iv) 4 reports have been published this year.\n"
            "Surveys showed that 75% of responding practitioners felt leadership was visible and 95% had undertaken training.\n")
    got = [(s.value, s.unit, s.measure) for s in extract_statistics(sentences(text))]
    assert got == [(60, "percent", "expenditure"), (65, "children", "missing"), (4, "reports", "published"),
                   (75, "percent", None), (95, "percent", "training")]
