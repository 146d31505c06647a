"""Themes on councils never read (issue 9, round 3): the small themes said in other words, words
with a second meaning, a duty list's lead-in, a cue as one item of a list. Every text is invented
(Westshire, Eastvale, Midshire, Northfold); each probe asserts the exact set of themes, with the
rules alone and with the shipped model, so neither a broken cue nor a retrained model hides the other."""

from __future__ import annotations

import pytest
from theme_probes import themes_of

from kg.extract.rules import rules
from kg.extract.text import sentences
from kg.extract.themes import _list_item, theme_candidates

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
    # "learning" in "learning disabilities" is no learning of the workforce; and on a page that names only
    # adults it is not the children's disability/SEND theme either (CONTRACT.md: "disabled children, special
    # educational needs"; session 13)
    ("Support for adults with learning disabilities was reviewed by the Eastvale Board.", set()),
    ("Support for children with learning disabilities was reviewed by the Eastvale Board.", {"disability-send"}),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("text, expected", _PROBES)
def test_probe_gives_exactly_these_themes(text: str, expected: set[str], model: bool) -> None:
    assert themes_of(text, model) == expected


def test_a_guidance_named_before_a_decision_list_does_not_make_it_a_duty_list() -> None:
    """"Cabinet agreed to:" after a sentence naming Working Together lists local decisions; its
    items are weighed in full (the old reading halved them as duties)."""
    text = ("The report set out how Eastvale would comply with the Working Together guidance.\n"
            "Cabinet agreed to:\n"
            "Establish one method of delivering quality assurance and workforce development across "
            "Eastvale and Westshire.\n")
    qa = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "quality-assurance")
    assert qa.strong == 2 and qa.strong_halved == 0  # "quality assurance" and its "assurance"
    assert themes_of(text, False) == {"quality-assurance", "workforce-training"}


def test_a_lead_in_after_a_sentence_on_duties_still_lists_duties() -> None:
    text = ("Statute is clear about what our core functions are.\n"
            "These include:\n"
            "Providing training for practitioners across Midshire.\n")
    c = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "workforce-training")
    assert (c.strong, c.strong_halved) == (0, 1)
    assert themes_of(text, False) == set()


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
    # ("school places" was the item here: the planning of places is no longer an education cue)
    text = "Topics were: transport, school attendance, parking and libraries."
    c = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "education")
    assert c.contexts == (0, 0, 1) and c.plain == 0


# (theme, present, text): one theme asked of each; other words for the concern, and second meanings
_ONE_THEME: list[tuple[str, bool, str]] = [
    ("voice-of-the-child", True, "Feedback from children shaped the priorities of the Westshire partnership."),
    ("voice-of-the-child", True, "The Board heard directly from care leavers about their experience of leaving care."),
    ("voice-of-the-child", True,
     "A group of Eastvale teenagers attended the Board to share their experiences of the service."),
    ("voice-of-the-child", True, "The views and experiences of children are used to shape the partnership's work."),
    ("voice-of-the-child", True, "Young people helped to write the new Midshire strategy."),
    ("cross-border", True, "Cases that crossed the county boundary were discussed at length."),
    ("cross-border", True,
     "Many of the children at risk live on the border with Eastvale and move between the two areas."),
    ("cross-border", True,
     "Information sharing with neighbouring forces was poor when families moved across the boundary."),
    ("cross-border", True, "Westshire hosts a high number of children placed by other councils."),
    ("youth-violence", True, "Stabbings involving teenagers have doubled in Northfold."),
    ("youth-violence", True, "Members discussed the serious violence duty and what it means for Westshire."),
    ("youth-violence", True, "Young people told the Board they carried a knife to feel safe."),
    ("children-in-care", True, "Westshire has 340 children in its care, up from 300."),
    ("children-in-care", True, "The shortage of foster carers means more children are placed in residential homes."),
    ("children-in-care", True, "The Corporate Parenting Board reviewed outcomes for our children in care."),
    ("children-in-care", True, "Care leavers in Eastvale will receive council tax exemption."),
    ("contextual-safeguarding", True,
     "Risks to adolescents in the community, such as exploitation in parks, are mapped by the new panel."),
    ("contextual-safeguarding", True, "The Board discussed extra familial harm and the new adolescent service."),
    ("contextual-safeguarding", True,
     "Harm that young people experience outside their families is assessed by a new team."),
    ("contextual-safeguarding", True, "Peer abuse in Eastvale schools has risen."),
    ("think-family", True, "Practitioners were asked to consider the needs of the whole family."),
    ("think-family", True,
     "Adult services and children's services will work together on parents with mental health needs."),
    ("think-family", True, "The Board looked at how parents' own drug use affects their children."),
    ("early-help", True, "More families received support at an early stage before problems escalated."),
    ("early-help", True, "The Family Hub offers help before needs escalate to statutory services."),
    ("front-door", True, "The Northfold MASH received 4,000 contacts last year."),
    ("quality-assurance", True, "The multi-agency audit found that strategy discussions were not always timely."),
    ("quality-assurance", True, "The Board scrutinised the performance dashboard for the quarter."),
    ("quality-assurance", True, "The Board was assured that the actions had been completed."),
    ("quality-assurance", True, "Members challenged partners on the low numbers of referrals from health."),
    ("radicalisation", False, "The plan sets out steps to prevent recurrence of the incident."),
    ("front-door", False, "Cases were referred to the review panel for consideration."),
    ("early-help", False, "The community safety partnership leads on crime prevention in Westshire."),
    ("quality-assurance", False, "The Board assesses the effectiveness of local arrangements to safeguard children."),
    ("quality-assurance", False, "The annual report assesses the effectiveness of local safeguarding arrangements."),
    ("youth-violence", False, "Members discussed domestic violence in Northfold."),
    ("children-in-care", False, "Student social work placements were offered in Eastvale."),
    ("mental-health", False, "The Chair expressed anxiety that the report was late."),
    ("workforce-training", False, "A child protection conference was held for the family."),
    ("cross-border", False, "The boundary review of Westshire wards will change councillors' seats."),
    ("cross-border", False, "Regional colleagues from Eastvale attended."),
    ("education", False, "Members noted the exclusion of the item from the public part of the meeting."),
    ("education", False, "The press and public were excluded from the meeting for item 7."),
    ("babies-and-infants", False, "Baby boomers are retiring from the social work workforce."),
    ("online-safety", False, "Please follow us on social media for updates."),
    ("substance-misuse", False, "The premises licence for alcohol sales at the Westshire Arms was granted."),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("theme, present, text", _ONE_THEME)
def test_one_theme_in_other_words_or_a_second_meaning(theme: str, present: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is present


# passing mentions: papers scheduled for later meetings, names of posts in apologies and attendance,
# procedural lines; and the same themes discussed, as the positive twins
_PASSING: list[tuple[str, bool, str]] = [
    ("neglect", False, "Items for the next meeting: neglect strategy, domestic abuse update and exploitation report."),
    ("domestic-abuse", False,
     "Items for the next meeting: neglect strategy, domestic abuse update and exploitation report."),
    ("early-help", False, "Apologies were received from Ann Lee, Head of Early Help, and Tom Ray, Westshire Police."),
    ("early-help", False, "Present: Ann Lee (Early Help Manager), Tom Ray (Police), Sue Hall (Health)."),
    ("front-door", False, "Jo Bell, MASH Manager, sent her apologies."),
    ("quality-assurance", False, "The minutes of the Performance and Quality Assurance Sub-group were approved."),
    ("children-in-care", False,
     "The minutes of the Corporate Parenting Panel held on 3 May were agreed as a true record."),
    ("mental-health", False, "Sam Cole, Mental Health Lead, Eastvale ICB"),
    ("quality-assurance", False,
     "The Chair thanked members and closed the meeting; the date of the next audit committee was noted."),
    ("funding", False, "Dates of future meetings: 4 June, 3 September; budget papers to follow."),
    ("neglect", True,
     "The Board heard that neglect remains the most common reason for a child protection plan in Westshire."),
    ("early-help", True,
     "Ann Lee, Head of Early Help, explained that waiting times for early help assessments had doubled."),
    ("front-door", True,
     "The MASH manager reported that contacts had risen by 20% and thresholds were applied inconsistently."),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("theme, present, text", _PASSING)
def test_a_passing_mention_is_no_theme(theme: str, present: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is present


def test_a_forward_plan_line_weighs_as_a_heading() -> None:
    text = "Items for the next meeting: neglect strategy, domestic abuse update and exploitation report."
    c = next(c for c in theme_candidates(sentences(text), rules(), text) if c.theme == "neglect")
    assert (c.strong, c.strong_halved, c.score) == (0, 1, 0.5)


# every theme said without its usual words, and second meanings of the new words (a shortfall of
# carers is no funding, services targeted at young people are no grooming, indicators of neglect no KPI)
_EVERY_THEME: list[tuple[str, bool, str]] = [
    ("neglect", True, "Children living in squalid conditions without enough food were a growing concern in Eastvale."),
    ("neglect", True, "Persistent failure to meet children's basic needs was found in most of the cases audited."),
    ("child-exploitation", True, "Older men were targeting girls with gifts and alcohol before abusing them."),
    ("child-exploitation", True, "Young people were being used to run drugs from the city to coastal towns."),
    ("domestic-abuse", True, "Police attended 2,300 incidents of violence in the home in Westshire last year."),
    ("domestic-abuse", True, "Children who witness abuse between their parents were the focus of the new pilot."),
    ("mental-health", True, "Waiting lists for child and adolescent mental health services exceed a year."),
    ("mental-health", True, "Young people told the Board that emotional wellbeing support in schools was patchy."),
    ("transition-to-adulthood", True, "Young people turning 18 often lose support when children's services end."),
    ("early-help", True, "Targeted family support was offered before a social work referral was needed."),
    ("front-door", True, "Calls to the children's services duty team rose sharply after the summer."),
    ("front-door", True, "The single front door for adult safeguarding concerns went live in April."),
    ("education", True, "Attendance at Northfold schools fell to 88% and suspensions rose."),
    ("education", True, "Children educated at home were visited by the Eastvale team."),
    ("missing-children", True, "Sixty children ran away from home more than three times this year."),
    ("missing-children", True, "Children absent from their care placements overnight were reported to police."),
    ("online-safety", True, "Children were being contacted by strangers through gaming platforms."),
    ("online-safety", True, "The sharing of nude images among pupils was discussed."),
    ("babies-and-infants", True, "The Board discussed the safety of children under one year old."),
    ("babies-and-infants", True, "Midwives and health visitors will share concerns about expectant mothers."),
    ("allegations", True, "Concerns about a teacher's conduct towards pupils were handled by the designated officer."),
    ("disability-send", True, "Children with autism and ADHD waited two years for an assessment."),
    ("radicalisation", True, "Referrals to Channel for young people drawn into far-right ideology rose."),
    ("harmful-practices", True, "Cutting of girls was raised by the community group."),
    ("substance-misuse", True, "Young people's use of cannabis and vapes was discussed."),
    ("workforce-training", True, "400 staff completed the new e-learning module on neglect."),
    ("workforce-training", True, "Practitioners attended briefings on the lessons from the review."),
    ("funding", True, "Partners agreed to increase their contributions to the partnership by 3%."),
    ("funding", True, "The partnership faces a shortfall of £40,000 next year."),
    ("quality-assurance", True, "A multi-agency case file review found that plans were not always shared."),
    ("quality-assurance", True, "The Board looked at the key indicators for the quarter."),
    ("covid-19", True, "Services moved online during the national restrictions."),
    ("private-fostering", True,
     "Eastvale knows of twelve children living with people who are not their relatives for more than 28 days."),
    ("voice-of-the-child", True, "The partnership's young advisors told members what mattered to them."),
    ("funding", False, "A shortfall in foster carers means children wait longer in Eastvale."),
    ("funding", True, "The partnership faces a funding shortfall of £40,000 next year."),
    ("child-exploitation", False, "Early help services were targeted at young people in Westshire."),
    ("child-exploitation", False, "The campaign is targeting young people with messages about healthy relationships."),
    ("child-exploitation", True, "Older men were targeting girls with gifts and alcohol before abusing them."),
    ("allegations", False, "The professional conduct of the panel was praised by members."),
    ("quality-assurance", False, "Staff were trained to spot key indicators of neglect in Midshire homes."),
    ("online-safety", False, "Please visit our social media sites for the latest news."),
    ("education", False, "The licence of the premises was suspended for two weeks."),
    ("transition-to-adulthood", False, "The Board has 18 members."),
    ("babies-and-infants", False, "The Eastvale maternity unit car park will be resurfaced."),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("theme, present, text", _EVERY_THEME)
def test_every_theme_in_other_words(theme: str, present: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is present
