"""Readable, stable IRI tails: the same name always gives the same slug.

Slugs are the only thing IRIs are made of besides document ids and fixed words, so two
builds of the same inputs give the same IRIs (docs/graph-schema.md).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

DEFAULT_BASE = "https://w3id.org/safeguarding-kg/id/"


def slug(text: str) -> str:
    """ASCII, lower case, hyphenated; a name that folds to nothing gets a hash."""
    folded = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^a-z0-9]+", "-", folded.lower().replace("'", "").replace("\u2019", "")).strip("-")
    if not out:
        out = "x-" + hashlib.sha1((text or "").encode("utf-8")).hexdigest()[:12]
    return out[:120].rstrip("-")


def normalise_base(base: str) -> str:
    """Bases must end in '/' or '#' so that tails append cleanly."""
    return base if base.endswith(("/", "#")) else base + "/"
