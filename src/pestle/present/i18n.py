"""The language of what pestle shows: message catalogues and the active language.

English is the source language: every string in code and templates is written in English
and marked, `_("...")` where it is used or `N_("...")` where it is defined at import time
and translated where it is shown. Translations live in gettext catalogues,
``pestle/locale/<lang>/LC_MESSAGES/pestle.po``, read with Babel when first needed (no
compiled .mo files to build or keep in step; see pyproject.toml).

The active language is a context variable, set by whoever renders (`use("zh")` around a
report build, a dashboard request): presentation code asks `current()` or is given a
`locale` argument; analysis never sees it. English returns every message unchanged, so
English output is what it was before catalogues existed.

Texts of a case (labels, names, titles written in its files) are not in the catalogue: a
case may write them per language (`pestle.model.text.CaseText`), and `pick` chooses the
reader's form of one, falling back to the case's own language.
"""

from __future__ import annotations

import gettext as _gettext
import io
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources
from typing import Any

from pestle.errors import InputError
from pestle.languages import LANGUAGES
from pestle.languages import N_ as N_  # the presentation marks its words from here

SOURCE = "en"
DOMAIN = "pestle"
# what each language is called in itself, for the dashboard's switch
NAMES = {"en": "English", "zh": "中文"}
# the HTML `lang` attribute of each language (fonts and line breaking follow it)
HTML_LANG = {"en": "en", "zh": "zh-CN"}

_active: ContextVar[str] = ContextVar("pestle_language", default=SOURCE)


def check(lang: str | None) -> str:
    """A supported language code (``None`` -> English); anything else is an error that
    names the parameter and the choices."""
    if lang is None:
        return SOURCE
    code = str(lang).strip().lower().replace("_", "-")
    code = {"zh-cn": "zh", "zh-hans": "zh", "en-us": "en", "en-gb": "en"}.get(code, code)
    if code not in LANGUAGES:
        raise InputError(
            f"lang: unknown language {lang!r}; choose from {', '.join(LANGUAGES)}",
            parameter="lang",
        )
    return code


def current() -> str:
    """The active language code."""
    return _active.get()


def resolve(locale: str | None) -> str:
    """`locale` if given, else the active language."""
    return _active.get() if locale is None else locale


@contextmanager
def use(lang: str | None) -> Iterator[str]:
    """Make `lang` the active language inside the block (per thread / task)."""
    token = _active.set(check(lang))
    try:
        yield _active.get()
    finally:
        _active.reset(token)


def catalogue_path(lang: str) -> resources.abc.Traversable:
    return resources.files("pestle") / "locale" / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def translations(lang: str) -> _gettext.NullTranslations:
    """The catalogue of `lang` (English: none, every message is its own translation).

    The .po is read with Babel and compiled in memory: fuzzy entries are left out, as
    msgfmt would, so a half-reviewed translation never reaches a report."""
    if lang == SOURCE:
        return _gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with catalogue_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def gettext(message: str) -> str:
    """`message` in the active language."""
    lang = _active.get()
    if lang == SOURCE:
        return message
    return translations(lang).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    lang = _active.get()
    if lang == SOURCE:
        return singular if n == 1 else plural
    return translations(lang).ngettext(singular, plural, n)


_ = gettext


def pick(value: str, locale: str | None = None) -> str:
    """A text of the case in the reader's language (`locale`, else the active one): its form
    in that language if the case file gives one, else the case's own; any other string
    (an id, a number as printed) is returned as it is."""
    # a `pestle.model.text.CaseText`, known by its method: importing the model here would
    # load pydantic on every command, `pestle --help` too
    in_language = getattr(value, "in_language", None)
    return in_language(resolve(locale)) if in_language is not None else value


def finalize(value: Any) -> Any:
    """Jinja's `finalize`: a case text printed by a template (`{{ case.name }}`) is printed
    in the reader's language, like one a view model picked with `pick`."""
    in_language = getattr(value, "in_language", None)
    return in_language(_active.get()) if in_language is not None else value
