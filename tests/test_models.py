"""The shipped trained models: loaded from JSON without code, deterministic, and credited
in the facts (``by``, ``confidence``) and in the graph (PROV-O)."""

from __future__ import annotations

from decimal import Decimal

from kg.extract.linear import LinearModel, default_models, load_models
from kg.extract.pipeline import extract
from kg.model import Document, Facts
from kg.ns import PROV, RDFS, SG
from kg.rdf import document_graph
from kg.resolve import resolve

TEXT = ("Minutes of the Westmere Safeguarding Children Partnership.\n"
        "The Partnership agreed a new neglect strategy and launched the Graded Care Profile toolkit "
        "for practitioners working with families where children are neglected.\n")


def test_model_json_round_trip_is_byte_identical() -> None:
    m = LinearModel("t", {"b": 0.25, "a": -1.5, "zero": 0.0}, 0.1, 0.6, {"examples": 3})
    text = m.to_json()
    again = LinearModel.from_json(text)
    assert again.to_json() == text
    assert "zero" not in again.weights  # zero weights are not shipped
    assert abs(again.probability(["a", "b"]) - m.probability(["b", "a"])) < 1e-12


def test_probability_is_a_logistic_of_the_weights() -> None:
    m = LinearModel("t", {"x": 2.0}, -2.0)
    assert m.probability([]) < 0.2 and abs(m.probability(["x"]) - 0.5) < 1e-9
    assert m.probability(["x", "x"]) == m.probability(["x"])  # features are a set


def test_shipped_models_load(tmp_path) -> None:
    models = default_models()
    assert "themes" in models and len(models["themes"].weights) > 50
    assert load_models(tmp_path / "none") == {}


def test_theme_facts_are_credited_to_the_model_in_json_and_rdf() -> None:
    facts = extract(Document("westmere", TEXT))
    (neglect,) = [t for t in facts.themes if t.theme == "neglect"]
    assert neglect.evidence is not None and neglect.evidence.by == "model:themes"
    assert 0.5 < neglect.evidence.confidence <= 1.0
    back = Facts.from_json(facts.to_json())
    assert back.themes == facts.themes
    rules_only = extract(Document("westmere", TEXT), {})
    assert {t.evidence.by for t in rules_only.themes} == {"rule:theme-cues"}
    g = document_graph(facts, resolve([facts]), "https://example.org/kg/")
    methods = {str(g.value(m, RDFS.label)) for m in g.objects(None, PROV.wasGeneratedBy)}
    assert "model:themes" in methods
    confidences = [o.toPython() for o in g.objects(None, SG.confidence)]
    assert confidences and all(isinstance(c, Decimal) and 0 <= c <= 1 for c in confidences)
