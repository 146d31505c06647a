"""Small trained linear models that decide where the rules' cue lists run out.

A model is a logistic regression over sparse string features (words, cue ids, rule
scores in bins), fitted by ``scripts/train.py`` from the development gold and shipped
as JSON (``data/models/NAME.json``): weights by feature name, a bias and a decision
threshold. JSON, not pickle, so loading a model never executes code; scoring is a sum
of dictionary look-ups, so it costs the extractor almost nothing and needs no
scikit-learn at run time.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise, repeat
from pathlib import Path

from kg.paths import MODELS_DIR

_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")


@dataclass(frozen=True)
class LinearModel:
    """A fitted logistic regression: P(yes | features) = sigmoid(bias + sum of weights)."""

    name: str
    weights: Mapping[str, float]
    bias: float
    threshold: float = 0.5
    meta: Mapping[str, object] = field(default_factory=dict)

    def probability(self, features: Iterable[str]) -> float:
        # map over the same set in the same order: the same float sum, without a Python frame per feature
        z = self.bias + sum(map(self.weights.get, set(features), repeat(0.0)))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def decide(self, features: Iterable[str]) -> tuple[bool, float]:
        p = self.probability(features)
        return p >= self.threshold, p

    def to_json(self) -> str:
        """Sorted keys and rounded weights, so a retrained model is byte-identical."""
        obj = {"name": self.name, "bias": round(self.bias, 6), "threshold": round(self.threshold, 4),
               "meta": dict(self.meta),
               "weights": {k: round(v, 6) for k, v in sorted(self.weights.items()) if round(v, 6) != 0.0}}
        return json.dumps(obj, indent=1, sort_keys=True, ensure_ascii=False) + "\n"

    @staticmethod
    def from_json(text: str) -> LinearModel:
        obj = json.loads(text)
        return LinearModel(str(obj["name"]), {str(k): float(v) for k, v in obj["weights"].items()},
                           float(obj["bias"]), float(obj.get("threshold", 0.5)), obj.get("meta") or {})


Models = Mapping[str, LinearModel]


def load_models(folder: Path = MODELS_DIR) -> dict[str, LinearModel]:
    """Every model shipped in ``folder``, by name; none is an error (the rules decide alone)."""
    if not folder.is_dir():
        return {}
    return {p.stem: LinearModel.from_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))}


@lru_cache(maxsize=1)
def default_models() -> Mapping[str, LinearModel]:
    return load_models()


def words(text: str) -> list[str]:
    """Lower-case word tokens (apostrophes and hyphens inside words kept)."""
    return _WORD.findall(text.lower())


def word_features(text: str, prefix: str = "w", bigrams: bool = True) -> list[str]:
    """``w=word`` and ``w2=word_word`` features of a stretch of text."""
    ws = words(text)
    out = [f"{prefix}={w}" for w in ws]
    if bigrams:
        out += [f"{prefix}2={a}_{b}" for a, b in pairwise(ws)]
    return out


_EDGES = (0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0)
_BIN_NAMES: dict[tuple[float, ...], tuple[list[float], list[str]]] = {}


def bin_of(value: float, edges: tuple[float, ...] = _EDGES) -> str:
    """A number as the name of its bin, so a linear model can weigh ranges differently.
    (The names of a set of edges are formatted once and the bin found by bisection: the
    features are built tens of times per candidate.)"""
    named = _BIN_NAMES.get(edges)
    if named is None:
        named = _BIN_NAMES[edges] = (list(edges), [f"<{e:g}" for e in edges] + [f">={edges[-1]:g}"])
    return named[1][bisect_right(named[0], value)]
