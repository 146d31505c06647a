"""The small themes said in other words (issue 9, round 9): cross-border, youth violence, children in
care, contextual safeguarding; and their second meanings (a committee named for a theme in a procedural
line, "weapons in the fight against" fraud, a merger "across the two local authority areas"). Every
text is invented; each probe asks one theme, with the rules alone and with the shipped model."""

from __future__ import annotations

import pytest
from theme_probes import themes_of

_PROBES: list[tuple[str, bool, str]] = [
    ("cross-border", True, "Families often move across the border between Westshire and Eastvale."),
    ("cross-border", True, "Information sharing with other local authorities when families relocate was raised."),
    ("cross-border", True, "The review found the child had moved between three local authorities in two years."),
    ("cross-border", True, "Cross-boundary working with the Midshire partnership has improved."),
    ("cross-border", True, "Children placed at a distance from Westshire were reviewed."),
    ("cross-border", True, "Children placed out of area by Eastvale are visited every six weeks."),
    ("cross-border", True, "The family had lived in four different council areas before moving to Northfold."),
    ("cross-border", False, "The plan was endorsed across the two local authority areas."),
    ("cross-border", False, "The Westshire border with Eastvale runs along the river."),
    ("cross-border", False, "The borders of the flower beds in the park were replanted."),
    ("cross-border", False, "Regional data were presented to the Board."),
    ("youth-violence", True, "Teenagers carrying blades in the town centre worry residents."),
    ("youth-violence", True, "The serious violence strategy for Westshire was approved."),
    ("youth-violence", True, "Young people involved in gang violence were referred to the youth service."),
    ("youth-violence", True, "Knife offences by under-18s rose in Eastvale."),
    ("youth-violence", True, "The partnership discussed violence between young people in Northfold parks."),
    ("youth-violence", True, "A teenager was stabbed outside a school in Midshire."),
    ("youth-violence", True, "Gang-related violence among young people in Eastvale has increased."),
    ("youth-violence", False, "Members discussed domestic violence in Northfold."),
    ("youth-violence", False, "The violence against women and girls strategy was noted."),
    ("youth-violence", False, "Officers use a range of tools and weapons in the fight against fraud."),
    ("children-in-care", True, "Children in the care of Westshire Council did well in their exams."),
    ("children-in-care", True, "Our looked after young people told us about their placements."),
    ("children-in-care", True, "The virtual school supports children looked after by Eastvale."),
    ("children-in-care", True, "The number of children in care in Midshire rose to 500."),
    ("children-in-care", True, "The Board heard from young people leaving care about housing."),
    ("children-in-care", True, "Adoption and fostering recruitment in Westshire was discussed."),
    ("children-in-care", False, "The care home sector in Eastvale faces staff shortages."),
    ("children-in-care", False, "Work placements for apprentices were offered by Westshire Council."),
    ("children-in-care", False, "That the minutes of the Cabinet Committee Corporate Parenting dated 6 May be approved."),
    ("children-in-care", False, "Residents in care homes received the vaccine first."),
    ("contextual-safeguarding", True, "Harm to young people in the community, outside their families, was discussed."),
    ("contextual-safeguarding", True, "Westshire adopted a contextual approach to safeguarding adolescents."),
    ("contextual-safeguarding", True, "Risks to teenagers in parks and on public transport were mapped."),
    ("contextual-safeguarding", True, "Peer-on-peer abuse in Eastvale schools was reported to the Board."),
    ("contextual-safeguarding", True, "Extra-familial harm is now a priority for the Northfold partnership."),
    ("contextual-safeguarding", True, "Children at risk of harm outside the family home need a different response."),
    ("contextual-safeguarding", True, "Locations where young people were at risk were mapped with the police."),
    ("contextual-safeguarding", False, "The Chair welcomed the new peer reviewer from Eastvale."),
    ("contextual-safeguarding", False, "The parks department reported on grass cutting."),
    ("contextual-safeguarding", False, "The peer review of Westshire children's services was published."),
]


@pytest.mark.parametrize("model", [False, True], ids=["rules", "model"])
@pytest.mark.parametrize("theme, present, text", _PROBES)
def test_small_themes_in_other_words_and_second_meanings(theme: str, present: bool, text: str, model: bool) -> None:
    assert (theme in themes_of(text, model)) is present
