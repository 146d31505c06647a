"""Fixtures shared by several test modules."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven over the DevTools protocol (tests/chromium.py); the test
    is skipped, with the reason, where Chromium or websocket-client is not installed."""
    from chromium import Chromium, find_chromium

    exe = find_chromium()
    if exe is None:
        pytest.skip("no chromium installed: apt-get install chromium")
    pytest.importorskip("websocket", reason="websocket-client not installed: pip install websocket-client")
    b = Chromium(exe)
    yield b
    b.close()
