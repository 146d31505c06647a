"""Package data, not code: rule data (rules/), learned models (models/) and curation.toml, shipped in the
installed package as kg._data (setup.cfg maps this folder) and found by kg.paths
through importlib.resources, in a checkout and in an installed wheel alike."""
