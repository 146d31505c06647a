"""Where the project's own files are: the ontology, rule data, models and named queries.

In the repository they sit at the top level (``ontology/``, ``data/``, ``queries/``);
setup.cfg ships them inside the package as ``kg._ontology``, ``kg._data`` and
``kg._queries`` (``package_dir``), so they are found the same way in an editable
install, a wheel or a zip: through importlib.resources, never relative to this file.
Seed inputs (``data/minutes``) are not shipped: they are inputs, not resources.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path


def _folder(package: str) -> Path:
    """A resource package as a real folder (they are installed as files, never zipped:
    kg's readers take paths)."""
    with as_file(files(package)) as path:
        return Path(path)


ONTOLOGY_DIR = _folder("kg._ontology")
DATA_DIR = _folder("kg._data")
RULES_DIR = DATA_DIR / "rules"
MODELS_DIR = DATA_DIR / "models"
QUERIES_DIR = _folder("kg._queries")
