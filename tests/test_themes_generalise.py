"""Themes on councils never read (issue 9, round 3): the small themes said in other words, words
with a second meaning, a duty list's lead-in, a cue as one item of a list. Every text is invented
(Westshire, Eastvale, Midshire, Northfold); each probe asserts the exact set of themes, with the
rules alone and with the shipped model, so neither a broken cue nor a retrained model hides the other."""

from __future__ import annotations

import pytest

from kg.extract.linear import load_models
from kg.extract.rules import rules
from kg.extract.text import sentences
from kg.extract.themes import _list_item, extract_themes, theme_candidates


def _themes(text: str, model: bool) -> set[str]:
    m = load_models()["themes"] if model else None
    return {t.theme for t in extract_themes(sentences(text), rules(), text, m)}


# (text, the exact themes expected)
_PROBES: list[tuple[str, set[str]]] = [
    # youth violence, said without "knife crime" or "serious violence"
    ("The Eastvale partnership discussed the rise in young people carrying knives in the town centre.",
     {"youth-violence"}),
    ("Westshire Police reported more knife-enabled offences among teenagers this year.", {"youth-violence"}),
    ("Members asked how many young people had been caught up in violent crime since the summer.",
     {"youth-violence"}),
    ("Bladed articles were found at two Northfold secondary schools.", {"youth-violence"}),
    # ... and its second meaning: a figure of speech
    ("The new app is a powerful weapon against fraud in Midshire.", set()),
    # children in care, in other words
    ("Care-experienced young people in Westshire told councillors about housing.", {"children-in-care"}),
    ("The number of children the council looks after rose to 412 in Eastvale.", {"children-in-care"}),
    ("More children entering care were placed with kinship carers under special guardianship orders.",
     {"children-in-care"}),
    # ... and the second meanings of its words
    ("The Board is committed to fostering good relations between communities in Northfold.", set()),
    ("The panel was satisfied with the sufficiency of evidence in the Midshire report.", set()),
    ("Advert placements on buses will promote the Eastvale recycling scheme.", set()),
    # contextual safeguarding: harm outside the family in other words
    ("Child-on-child abuse in Westshire secondary schools was the subject of a new protocol.",
     {"contextual-safeguarding"}),
    ("Officers described the risks young people face outside of the home, in parks and on buses.",
     {"contextual-safeguarding"}),
    # cross-border
    ("Forty Eastvale children live in out-of-borough placements more than twenty miles away.",
     {"cross-border", "children-in-care"}),
    ("Placing authorities are not always told when a child moves into Midshire.", {"cross-border"}),
    ("Children placed outside the county were visited less often by their social workers.", {"cross-border"}),
    # the child's voice: participation bodies and consultation
    ("The Westshire Youth Parliament presented its manifesto to the Board.", {"voice-of-the-child"}),
    ("Young inspectors visited three Eastvale children's homes and reported to the partnership.",
     {"voice-of-the-child", "children-in-care"}),
    ("Young people were consulted on the design of the new Northfold early help offer.",
     {"voice-of-the-child", "early-help"}),
    # think family: whole-family working in other words
    ("Eastvale adopted the Family Safeguarding model across its children's social work teams.", {"think-family"}),
    ("Specialist adult mental health and substance misuse workers sit within children's services teams.",
     {"think-family", "mental-health", "substance-misuse"}),
    ("The course helps practitioners address parental conflict in Westshire households.", {"think-family"}),
    # quality assurance said as statistics or reassurance
    ("The safeguarding statistics for each Midshire district were presented to members.", {"quality-assurance"}),
    ("Members were reassured by the Director's account of how the Northfold hub handles calls.",
     {"quality-assurance"}),
    # second meanings: a statutory post, a council's own auditors, a worry
    ("The Monitoring Officer advised members on declarations of interest.", set()),
    ("The external auditors will present the Westshire accounts in July.", set()),
    ("There was some anxiety about the budget timetable among Eastvale councillors.", {"funding"}),
    # a child protection conference is a case meeting, not a learning event
    ("The social worker convened an initial child protection conference for the Northfold family.", set()),
    ("Held a video conference with the Midshire leads on Tuesday.", set()),
    ("The multi-agency conference on exploitation was attended by 300 Westshire practitioners.",
     {"workforce-training", "child-exploitation"}),
    # "learning" in "learning disabilities" is no learning of the workforce
    ("Support for adults with learning disabilities was reviewed by the Eastvale Board.", {"disability-send"}),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("text, expected", _PROBES)
def test_probe_gives_exactly_these_themes(text: str, expected: set[str], model: bool) -> None:
    assert _themes(text, model) == expected


def test_a_guidance_named_before_a_decision_list_does_not_make_it_a_duty_list() -> None:
    """"Cabinet agreed to:" after a sentence naming Working Together lists local decisions; its
    items are weighed in full (the old reading halved them as duties)."""
    text = ("The report set out how Eastvale would comply with the Working Together guidance.\n"
            "Cabinet agreed to:\n"
            "Establish one method of delivering quality assurance and workforce development across "
            "Eastvale and Westshire.\n")
    qa = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "quality-assurance")
    assert qa.strong == 2 and qa.strong_halved == 0  # "quality assurance" and its "assurance"
    assert _themes(text, False) == {"quality-assurance", "workforce-training"}


def test_a_lead_in_after_a_sentence_on_duties_still_lists_duties() -> None:
    text = ("Statute is clear about what our core functions are.\n"
            "These include:\n"
            "Providing training for practitioners across Midshire.\n")
    c = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "workforce-training")
    assert (c.strong, c.strong_halved) == (0, 1)
    assert _themes(text, False) == set()


@pytest.mark.parametrize("text, cue, item", [
    ("Priorities for the year, including: housing, speech and language, key performance and estates.",
     "key performance", True),
    ("Topics were: transport, school places, parking and libraries.", "school places", True),
    ("Early help, as the Westshire Board heard, is a priority this year, and it will be funded.",
     "Early help", False),
    ("The Board agreed that early help must reach families sooner, before problems grow.", "early help", False),
])
def test_a_cue_as_one_short_item_of_a_list(text: str, cue: str, item: bool) -> None:
    a = text.index(cue)
    assert _list_item(text, a, a + len(cue)) is item


def test_list_items_are_counted_per_candidate() -> None:
    text = "Topics were: transport, school places, parking and libraries."
    c = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "education")
    assert c.contexts == (0, 0, 1) and c.plain == 0
