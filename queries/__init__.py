"""Package data, not code: the named queries (NAME.rq), shipped in the
installed package as kg._queries (setup.cfg maps this folder) and found by kg.paths
through importlib.resources, in a checkout and in an installed wheel alike."""
