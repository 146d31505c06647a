"""Package data, not code: the ontology and its SHACL shapes, shipped in the
installed package as kg._ontology (setup.cfg maps this folder) and found by kg.paths
through importlib.resources, in a checkout and in an installed wheel alike."""
