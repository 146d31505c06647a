"""Imports every command module so that each registers its commands on `kg.cli.main`."""

from kg.cli import build_cmds, extract_cmds, graph_cmds, report_cmds, serve_cmds, store_cmds, viz_cmds  # noqa: F401
