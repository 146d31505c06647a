"""Partners, round 11b: three shapes found in invented Health and Wellbeing Board minutes.

1. a board (named, or "the Board"/"the Partnership") as the subject of a membership verb
   ("includes", "comprises", "involves", "brings together"): a membership statement even
   without a cue phrase; the same verbs with another subject ("the report includes data from
   the police") or with the board after a preposition ("priorities for the Board include") are not;
2. sectors named in a later agenda item (a strategy consulted on) are not partners of a board
   whose own item came before.
Texts are invented for these tests (Westshire, Eastvale, Midshire, Northfold); each asserts the
exact partner facts of the shipped model: {board name: sectors}."""

from __future__ import annotations

import pytest
from test_partners import _partners

WSAB = "Westshire Safeguarding Adults Board"
ESCP = "Eastvale Safeguarding Children Partnership"
MSAB = "Midshire Safeguarding Adults Board"
NSCP = "Northfold Safeguarding Children Partnership"

PROBES: list[tuple[str, str, dict[str, set[str]]]] = [
    # --- the board as the subject of a membership verb ----------------------------------------
    ("named-board-includes",
     f"Cabinet\n\nThe {WSAB} includes the police, health and the council.\n",
     {WSAB: {"police", "health", "local-authority"}}),
    ("the-board-brings-together",
     f"Cabinet\n\nThe {WSAB} annual report was noted. The Board brings together the police, health and the "
     "council.\n",
     {WSAB: {"police", "health", "local-authority"}}),
    ("partnership-which-comprises",
     f"Cabinet\n\nThe {ESCP}, which comprises the council, the police and the ICB, published its plan.\n",
     {ESCP: {"police", "health", "local-authority"}}),
    ("named-board-involves",
     f"Cabinet\n\nThe {MSAB} involves the police, the probation service and the council.\n",
     {MSAB: {"police", "probation", "local-authority"}}),
    ("partnership-also-includes-agencies",
     f"Scrutiny Committee\n\nThe {NSCP} also includes Northfold Council, Northfold Police and NHS Northfold ICB.\n",
     {NSCP: {"police", "health", "local-authority"}}),
    # --- the same verbs, another subject -----------------------------------------------------------
    ("neg-report-includes-data",
     f"Cabinet\n\nThe {WSAB} annual report was noted. The report includes data from the police and health.\n",
     {}),
    ("neg-priorities-for-the-board-include",
     f"Cabinet\n\nThe {MSAB} report was received. Priorities for the Board include work with schools and the "
     "police on exploitation.\n",
     {}),
    ("neg-boards-report-includes",
     f"Cabinet\n\nThe {ESCP}'s annual report includes figures from the police and the ICB.\n",
     {}),
    ("neg-plan-involves-training",
     f"Cabinet\n\nThe {NSCP} plan was approved. The plan involves training for schools and the police.\n",
     {}),
]

NOT_MET: set[str] = set()


@pytest.mark.parametrize(("name", "text", "want"),
                         [pytest.param(*p, marks=pytest.mark.xfail(strict=True)) if p[0] in NOT_MET else p
                          for p in PROBES], ids=[p[0] for p in PROBES])
def test_partner_probe11b(name: str, text: str, want: dict[str, set[str]]) -> None:
    assert _partners(text) == want
