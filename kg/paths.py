"""Where the project's own files are: the ontology, rule data and named queries.

They sit at the project root (`ontology/`, `data/`, `queries/`) beside the `kg` package,
which `pip install -e .` (what `make` does) keeps in place.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = ROOT / "ontology"
DATA_DIR = ROOT / "data"
RULES_DIR = DATA_DIR / "rules"
MODELS_DIR = DATA_DIR / "models"
QUERIES_DIR = ROOT / "queries"
