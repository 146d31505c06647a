"""Exit codes, in one place: which outcome or error ends a command with which code.

The README's promise: ``0`` success; ``1`` the command finished but something needs
attention (inputs skipped, each named on stderr; ``kg validate`` found problems; some
files of a ``kg load`` or graphs of a ``kg push`` failed); ``2`` nothing could be done
(bad arguments, no readable input, no store, a query that cannot run, a busy port).

Commands do not choose codes: they let the library's KgError propagate, or raise
NeedsAttention / NothingDone for outcomes that are not errors of the library. Every
command is a Command (``@click.command(..., cls=Command)``), which turns each into
``Error: <one line>`` and the code of EXIT_CODES.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from kg.errors import KgError


class NeedsAttention(Exception):
    """The command finished, and what needs attention was already printed: exit 1."""


class NothingDone(Exception):
    """Nothing could be done, for a reason the message gives: exit 2."""


Rule = int | Callable[[BaseException], int]

#: The first class an exception is an instance of gives its code (or a function of it).
EXIT_CODES: tuple[tuple[type[BaseException], Rule], ...] = (
    (NeedsAttention, 1),
    (NothingDone, 2),
    (KgError, lambda e: _partial(e) or 2),
)


def _partial(error: BaseException) -> int:
    """1 for a kg push that stopped half-way (kg.remote.PushError): the graphs before the
    failure were written. Told by its reason code, so that the CLI's start does not
    import the HTTP client."""
    if isinstance(error, KgError) and error.reason == "push" and error.details.get("done"):
        return 1
    return 0


def exit_code(error: BaseException) -> int | None:
    """The exit code for an exception, or None when it is not one of ours (a bug)."""
    for cls, rule in EXIT_CODES:
        if isinstance(error, cls):
            return rule if isinstance(rule, int) else rule(error)
    return None


class Failure(click.ClickException):
    """``Error: <message>`` on stderr, exit 2."""

    exit_code = 2


class PartialFailure(Failure):
    """``Error: <message>`` on stderr, exit 1 (the command did part of its work)."""

    exit_code = 1


def to_click(error: BaseException) -> click.ClickException | click.exceptions.Exit | None:
    """What click should raise for one of our exceptions (None: not ours, let it be)."""
    code = exit_code(error)
    if code is None:
        return None
    if isinstance(error, (NeedsAttention, NothingDone)) and not str(error):
        return click.exceptions.Exit(code)  # already said on stderr
    return (PartialFailure if code == 1 else Failure)(str(error))


class Command(click.Command):
    """A kg command: our exceptions become ``Error: ...`` and their exit code (here,
    not in `main`, so a command invoked on its own behaves the same)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except Exception as error:  # noqa: BLE001 - mapped by EXIT_CODES, else re-raised
            mapped = to_click(error)
            if mapped is None:
                raise
            raise mapped from None
