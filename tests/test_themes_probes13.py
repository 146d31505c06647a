"""Themes on unseen areas (issue 9, round 13), from invented whole documents: an annual report's
summary put to Cabinet, a Cabinet minute, a board's minutes with a business-plan item, a
partnership's web page with its menu, glossary and contact block, and its "about us" page.

Negative probes are second meanings and passing mentions: "to prevent recurrence" is not Prevent,
"refer any case to the review panel" is no front door, "crime prevention" and "prevention, protection
and partnership" are no early help, "MASH" only in a list of sub-groups, terms only in a glossary, a
menu or a contact block, a highways or capital budget of the council. Positive probes are concerns in
other words ("feedback from children shaped the priorities", "cases that crossed the county
boundary", "referrals to Prevent", support "before their problems became serious", figures "rose
from 312 to 368"). Every text is
invented; each probe is asked with the rules alone and with the shipped model."""

from __future__ import annotations

import pytest
from theme_probes import themes_of

_ANNUAL = """Eastvale Safeguarding Children Partnership
Annual Report 2024/25 - Summary for Cabinet

1. What children told us
1.1 Feedback from children shaped the priorities in this year's business plan.
1.2 Neglect remained the most common reason for a child protection plan, and a new neglect toolkit was launched in September.

2. Learning from reviews
2.1 The review of Child M looked at cases that crossed the county boundary between Eastvale and Westshire.
2.2 Partners agreed actions to prevent recurrence of the failings found.
2.3 Agencies should refer any case that may meet the criteria to the review panel.

3. Contents
Introduction 3
Our priorities 5
Quality Assurance and Performance 9
Multi-Agency Safeguarding Hub 12
Glossary 20
"""

_CABINET = """Minutes of the Cabinet, Westshire County Council, 14 May 2025

Present: Councillor Peregrine Ashdown (Leader), Councillor Mara Quill, Councillor Tobias Fenn

45. Community Safety Partnership Plan
The Cabinet Member for Communities presented the plan. The Partnership leads on crime prevention, antisocial behaviour and road safety in Westshire. Members noted that fire prevention visits had reached 2,000 older residents.
RESOLVED: that the plan be approved.

46. Capital programme
Members were referred to paragraph 3.2 of the report, which set out the revised highways budget.
RESOLVED: that the revised programme be approved.
"""

_BOARD = """Northfold Safeguarding Adults Board
Minutes of the meeting held on 3 March 2025

1. Welcome and apologies
Apologies were received from Dr Ines Ravel.

2. Business plan 2025-26
The Board Manager presented the draft business plan. The sub-groups of the Board are: Learning and Review Group, Performance and Quality Group, MASH Strategic Group, Training Group and Communications Group.
Members agreed the plan's three priorities: self-neglect and hoarding, transitions to adult services, and making safeguarding personal.

3. Any other business
There was none. The next meeting will be held on 2 June 2025.
"""

_WEB = """Westshire Safeguarding Partnership
Home | About us | Sub-groups | Performance | Training | Contact us

Glossary
CSE - Child Sexual Exploitation
EHA - Early Help Assessment
LADO - Local Authority Designated Officer
MASH - Multi-Agency Safeguarding Hub
SPOA - Single Point of Access
QA - Quality Assurance

Contact us
Early Help Hub, Westshire Civic Centre, 12 High Street, Westshire WS1 2AB. Telephone 01234 567890.
"""

_ABOUT = """About the Northfold Safeguarding Children Partnership

The Partnership brings together the council, the police and the integrated care board, who share equal responsibility for safeguarding arrangements in Northfold.
Under Working Together the partners must publish arrangements and an independent scrutineer assesses the effectiveness of local arrangements.
Our work is carried out by the Exploitation Sub-Group, the Neglect Sub-Group, the Learning and Development Sub-Group and the Quality Assurance Sub-Group.
Useful contacts: Early Help Hub 01234 111222; MASH 01234 333444; LADO 01234 555666.
Latest news: the Partnership's website has a new look and the newsletter is now published monthly.
"""

_DOCUMENTS: list[tuple[str, str, set[str]]] = [
    ("annual-report", _ANNUAL, {"neglect", "voice-of-the-child", "cross-border", "workforce-training"}),
    ("cabinet-minute", _CABINET, set()),
    ("board-minutes", _BOARD, {"neglect", "transition-to-adulthood"}),
    ("web-page", _WEB, set()),
    ("about-page", _ABOUT, set()),
]


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in _DOCUMENTS], ids=[n for n, _, _ in _DOCUMENTS])
@pytest.mark.parametrize("model", [False, True], ids=["rules", "shipped-model"])
def test_an_invented_document_s_themes(text: str, expected: set[str], model: bool) -> None:
    assert themes_of(text, model) == expected


_PROBES: list[tuple[str, bool, str]] = [
    # a menu, a glossary (in lines or in one line), a contents list: pages and terms, not concerns
    ("quality-assurance", False, "Westshire Safeguarding Adults Board: Home | About us | Sub-groups | Performance | Training | Contact us"),
    ("front-door", False, "Glossary: MASH - Multi-Agency Safeguarding Hub; LADO - Local Authority Designated Officer; CSE - Child Sexual Exploitation."),
    ("early-help", False, "Glossary: EHA - Early Help Assessment; MASH - Multi-Agency Safeguarding Hub."),
    ("front-door", False, "MASH - Multi-Agency Safeguarding Hub\nSPOA - Single Point of Access\nTAF - Team Around the Family"),
    ("child-exploitation", False, "CSE - child sexual exploitation\nLADO - local authority designated officer"),
    # a line that only opens with an acronym, or a speaker's label, is running text
    ("child-exploitation", True, "CSE: children sexually exploited in Eastvale rose by half this year."),
    ("neglect", True, "DCS: the Westshire neglect strategy was agreed by all partners."),
    # a contact line names where to call, not a concern
    ("early-help", False, "Families can call the Early Help Hub on 01234 567890 or e-mail earlyhelp@westshire.example."),
    ("allegations", False, "LADO: 01632 960123 (Westshire), lado@westshire.example"),
    # second meanings
    ("early-help", False, "The Prevention and Protection Department of the Eastvale fire service attended."),
    ("early-help", False, "The Westshire Board's strategy has three strands: prevention, protection and partnership."),
    ("funding", False, "The Cabinet approved the capital budget for the new leisure centre in Eastvale."),
    ("funding", False, "Members were referred to the report, which set out the revised highways budget for Westshire."),
    # the same concern in other words
    ("radicalisation", True, "Referrals to Prevent in Westshire rose after the local incident."),
    ("early-help", True, "Families in Eastvale were offered support before their problems became serious."),
    ("front-door", True, "More cases were passed to children's social care by schools in Westshire this year than last."),
    ("cross-border", True, "Many of the Westshire children who were exploited travelled into neighbouring cities to sell drugs."),
    ("cross-border", True, "Information was not shared when the family moved from Eastvale to another part of the country."),
    ("voice-of-the-child", True, "A panel of young people in Westshire interviewed candidates for the new Independent Scrutineer."),
    # the council's planning of school places is no education concern; a child without one is
    ("education", False, "Work was done with all Eastvale schools to plan for the growing pressure on secondary school places."),
    ("education", True, "Forty children in Westshire were without a school place at the start of term."),
    # an inspection said of the future or of other areas is no finding of this one; a finding is
    ("quality-assurance", False, "The new Eastvale partnership will be subject to independent public inspection from next year."),
    ("quality-assurance", False,
     "Boards were reformed nationally after a number of disappointing inspection outcomes elsewhere in the country."),
    ("quality-assurance", True, "The inspection of Westshire children's services found that supervision of social workers was weak."),
    # data as the basis of a choice is no scrutiny of performance; data scrutinised is
    ("quality-assurance", False, "The new youth clubs in Eastvale were sited in the wards of greatest need, based on available data."),
    ("quality-assurance", True, "The Westshire Board scrutinised data on repeat referrals at every meeting."),
    # figures compared across years are performance data; a price or a time is not
    ("quality-assurance", True, "The Eastvale team had received 1,712 concerns compared to 1,678 the year before."),
    ("quality-assurance", True, "Child protection plans in Westshire rose from 312 to 368 over the year."),
    ("quality-assurance", True, "There was a reduction of 12% on the previous year in children on plans in Northfold."),
    ("quality-assurance", False, "Tickets for the Westshire show rose from 10 to 12 pounds."),
    ("quality-assurance", False, "The Eastvale bus now leaves at 9 compared with 10 last winter."),
]


@pytest.mark.parametrize(
    "theme, expected, text", _PROBES, ids=[f"{t}-{'pos' if e else 'neg'}-{i}" for i, (t, e, _) in enumerate(_PROBES)]
)
@pytest.mark.parametrize("model", [False, True], ids=["rules", "shipped-model"])
def test_theme_probe(theme: str, expected: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is expected
