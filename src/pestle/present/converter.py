"""vl-convert, made ready once per process before its first chart: the shipped font
registered (`fonts`), and its warnings kept out of the terminal.

vl-convert 2 passes Vega-Lite's warnings to Python's logging ("vl_convert"), which prints
them on stderr when nothing is configured: notes on a spec such as 'Dropping "fit-y"
because spec has discrete height', about charts that are as meant."""

from __future__ import annotations

import logging
from functools import cache
from types import ModuleType


@cache
def vl_convert() -> ModuleType:
    """The `vl_convert` module, ready to convert charts."""
    import vl_convert as vlc

    from pestle.present import fonts

    logging.getLogger("vl_convert").setLevel(logging.ERROR)
    fonts.register_with_vl_convert()
    return vlc
