"""The `kg` command line: thin click commands over the importable library.

Each group of commands lives in its own module here; this one only assembles them.
Nothing in the library imports from `kg.cli`.
"""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Council minutes about safeguarding partnerships in, a knowledge graph out.

    Example:

        kg build data/minutes && kg query chairs
    """


def _register() -> None:
    from kg.cli import commands  # noqa: F401  (imports register the commands on `main`)


_register()
