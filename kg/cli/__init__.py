"""The `kg` command line: thin click commands over the importable library.

Each group of commands lives in its own module here and defines plain click commands;
this module assembles them on `main` (the command modules never import it back).
kg.cli.exits is the one place where exceptions become exit codes. Nothing in the
library imports from `kg.cli`.
"""

from __future__ import annotations

import click

from kg.cli import build_cmds, extract_cmds, graph_cmds, report_cmds, serve_cmds, store_cmds, viz_cmds


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Council minutes about safeguarding partnerships in, a knowledge graph out.

    Example:

    \b
        kg build data/minutes && kg query chairs
    """


for _module in (build_cmds, extract_cmds, store_cmds, graph_cmds, viz_cmds, report_cmds, serve_cmds):
    for _command in _module.COMMANDS:
        main.add_command(_command)
