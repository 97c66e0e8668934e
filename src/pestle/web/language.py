"""The dashboard's language: ``?lang=zh`` on any page switches it and a cookie keeps it.

A pure ASGI middleware makes the request's language the active one (`i18n.use`) for
everything the request runs (page templates, formatted numbers, chart titles), so a page
and the numbers on it are always in one language. An unknown ``lang`` is ignored (the page
stays in the language it was in); the API's JSON is the same in every language.
"""

from __future__ import annotations

from http.cookies import SimpleCookie
from urllib.parse import parse_qs

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from pestle.errors import InputError
from pestle.present import i18n

COOKIE = "pestle_lang"
PARAM = "lang"
COOKIE_AGE = 365 * 24 * 3600  # a year: a reader's choice of language outlives a session


def chosen(scope: Scope, default: str = i18n.SOURCE) -> tuple[str, bool]:
    """The request's language and whether the query chose it (then the cookie is set)."""
    query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
    for value in query.get(PARAM, ())[:1]:
        try:
            return i18n.check(value), True
        except InputError:
            break
    for name, raw in scope.get("headers", ()):
        if name == b"cookie":
            cookie = SimpleCookie()
            try:
                cookie.load(raw.decode("latin-1"))
            except Exception:  # a malformed Cookie header is the client's problem, not ours
                continue
            morsel = cookie.get(COOKIE)
            if morsel is not None and morsel.value in i18n.LANGUAGES:
                return morsel.value, False
    return default, False


class Language:
    """Run each HTTP request in the language it asks for (query, else cookie, else the
    app's default, English unless `pestle serve --lang` says otherwise)."""

    def __init__(self, app: ASGIApp, default: str = i18n.SOURCE) -> None:
        self.app = app
        self.default = i18n.check(default)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang, from_query = chosen(scope, self.default)

        async def send_with_cookie(message: Message) -> None:
            if from_query and message["type"] == "http.response.start":
                value = f"{COOKIE}={lang}; Path=/; Max-Age={COOKIE_AGE}; SameSite=Lax"
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"set-cookie", value.encode())]
            await send(message)

        with i18n.use(lang):
            await self.app(scope, receive, send_with_cookie)
