"""Round 14's shorter chair pass gives the facts the full one gives.

The pipeline asks ``chair_candidates`` only for what ``decide`` scores (``unruled_only``: no
features for people the rules made a chair, none for a mention whose every pair is blocked). Here
every page of the texts under tests/texts and data/minutes, and invented chair sentences, are
extracted twice, the second time with the full candidate list (what training reads), and the
facts compared; the chairs the model adds must be the same pairs, with the same titles, sentences
and probabilities.
"""

from __future__ import annotations

import pytest
from speed_probes import PAGES

from kg.extract import chairs, pipeline
from kg.model import Document

_INVENTED = [
    "Westmere Safeguarding Children Partnership\nAnnual report 2023/24\n"
    "Jo Hart - Independent Chair, Westmere SCP; Ben Ray - Vice-Chair.\n"
    "The Partnership is independently scrutinised by Mrs Ann Lee, who took up the role in May.\n",
    "Northfold Safeguarding Adults Board\nWho is the new Independent Chair?\n"
    "Dr Cara Penn joined the Board in April 2024.\n"
    "The Chair thanked Ed Moss for his report. Ed Moss asked the Chair about the Training Sub-Group.\n",
    "Eastvale Safeguarding Children Partnership met on 4 March 2025. Present: Ann Lee (Chair), "
    "Ben Ray (Deputy Chair), Cara Penn. The role of the independent chair, currently Dr Dan Holt, "
    "was discussed; Dan Holt is also Chair of the Eastvale Hospital Trust.\n",
]


def _facts(texts: list[str]) -> list[dict]:
    return [pipeline.extract(Document(f"d{i}", t)).to_json() for i, t in enumerate(texts)]


def _scored(cands: list[chairs.ChairCandidate], model) -> dict[tuple[int, int], tuple[float | None, str]]:
    """What ``decide`` reads of each pair it considers: its best unblocked probability and its title."""
    out = {}
    for c in cands:
        if c.rule:
            continue
        scored = [model.probability(f) for f, _, _ in chairs.scored_supports(c)]
        if c.other_chair and not scored:
            continue  # another board's chair, and no sentence naming this board: decide passes over it
        out[c.person, c.board] = (max(scored, default=None), c.title)
    return out


@pytest.mark.parametrize("texts", [PAGES, _INVENTED], ids=["pages", "invented"])
def test_unruled_only_changes_no_fact(texts: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    short = _facts(texts)
    full = chairs.chair_candidates
    model = pipeline.default_models()["chairs"]
    compared = []

    def every_pair(*args, **kwargs):  # the full list, as training reads it, checked against the short one
        kwargs["unruled_only"] = False
        got = full(*args, **kwargs)
        few = _scored(full(*args, **{**kwargs, "unruled_only": True}), model)
        want = _scored(got, model)
        assert few == want
        compared.append(len(want))
        return got

    monkeypatch.setattr(pipeline, "chair_candidates", every_pair)
    assert _facts(texts) == short
    assert sum(compared) >= (3 if texts is _INVENTED else 20)
    assert texts is _INVENTED or any(c.get("by") == "model:chairs" for f in short for c in f["chairs"])
