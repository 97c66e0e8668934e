"""Debian's Chromium for the browser tests (report and dashboard): where it is, how to start
it headless on a closed network, and the marks that skip a module when it is absent."""

from __future__ import annotations

import os

import pytest

from pestle.report.chromium import QUIET_ARGS

CHROMIUM = "/usr/bin/chromium"
# the flags pestle's own Chromium starts with, on this network that refuses other hosts
ARGS = list(QUIET_ARGS)
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is not installed"),
]
