"""What the theme probe tests ask of the extractor: the themes found in a text, by the
rules alone or with the shipped theme model (one definition for the probe files)."""

from __future__ import annotations

from kg.extract.linear import load_models
from kg.extract.rules import rules
from kg.extract.text import sentences
from kg.extract.themes import extract_themes


def themes_of(text: str, model: bool) -> set[str]:
    m = load_models()["themes"] if model else None
    return {t.theme for t in extract_themes(sentences(text), rules(), text, m)}
