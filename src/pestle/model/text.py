"""A text of a case file that a reader sees, written in one language or in several.

A case file writes a label, name or title either as one string (in the case's own language)
or as a mapping of language code to string::

    label: Blade mass per MW
    label: {en: Blade mass per MW, zh: 每兆瓦叶片质量}

Either form is read into a `CaseText`: a `str` whose value is the text in the case's own
language (so every id, key, comparison and JSON dump stays what it was, whatever language a
reader asks for) that also carries its other forms. Presentation picks the form of the
reader's language with `CaseText.in_language`; nothing below it ever does. Sources, quotes of
documents, file names and ids are never `CaseText`: a quote is what the document said.

The case's own language is known only to the reader of case.yaml, which makes it current for
the files of that case with `case_language`; a mapping without a form in it is refused, as is
an empty mapping or a key that is not a language pestle writes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

from pestle.languages import LANGUAGES

DEFAULT_LANGUAGE = LANGUAGES[0]

_case_language: ContextVar[str] = ContextVar("pestle_case_language", default=DEFAULT_LANGUAGE)


@contextmanager
def case_language(lang: str) -> Iterator[str]:
    """Read the case files inside the block as written in `lang` (their own language)."""
    token = _case_language.set(lang)
    try:
        yield lang
    finally:
        _case_language.reset(token)


class CaseText(str):
    """A case text: the `str` is its form in the case's own language; `forms` holds every
    language it is written in (that one included)."""

    forms: Mapping[str, str]
    language: str

    def __new__(cls, forms: Mapping[str, str], language: str) -> CaseText:
        self = super().__new__(cls, forms[language])
        self.forms = dict(forms)
        self.language = language
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        # str's own pickling would call __new__ with the string alone
        return (CaseText, (dict(self.forms), self.language))

    def in_language(self, lang: str) -> str:
        """The text in `lang`, else in the case's own language (a fallback, never empty)."""
        return self.forms.get(lang) or str(self)

    @classmethod
    def of(cls, value: Any) -> CaseText:
        """Read a string or a language mapping (see the module docstring); `ValueError` says
        what is wrong with it."""
        default = _case_language.get()
        if isinstance(value, CaseText):
            return value
        if isinstance(value, str):
            return cls({default: value}, default)
        if not isinstance(value, Mapping):
            raise ValueError("expected a text, or a mapping of language code to text")
        if not value:
            other = next(x for x in LANGUAGES if x != default)
            raise ValueError(
                f"an empty language mapping; write a text, or e.g. {{{default}: ..., {other}: ...}}"
            )
        forms: dict[str, str] = {}
        for key, form in value.items():
            if key not in LANGUAGES:
                raise ValueError(
                    f"unknown language {key!r} in a text mapping; use {', '.join(LANGUAGES)}"
                )
            if not isinstance(form, str) or not form.strip():
                raise ValueError(f"the {key} form of a text must be a non-empty string")
            forms[key] = form.strip()
        if default not in forms:
            raise ValueError(
                f"a text mapping without the case's own language ({default!r}); "
                f"give {default}: as well"
            )
        return cls(forms, default)

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        # serialized as the case's own form: results.json is the same in every language
        return core_schema.no_info_plain_validator_function(
            cls.of,
            serialization=core_schema.plain_serializer_function_ser_schema(str, when_used="always"),
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {
            "anyOf": [
                {"type": "string"},
                {
                    "type": "object",
                    "description": "the text per language; must include the case's language",
                    "propertyNames": {"enum": list(LANGUAGES)},
                    "additionalProperties": {"type": "string", "minLength": 1},
                    "minProperties": 1,
                },
            ],
            "description": "a text a reader sees: one string in the case's language, or a "
            "mapping of language code to string, e.g. {en: Blade mass per MW, zh: 每兆瓦叶片质量}",
        }


# the annotation of case-file fields: `label: Text | None = None`
Text = CaseText

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "CaseText", "Text", "case_language"]
