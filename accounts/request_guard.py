"""Requests no person sends: answered 400 with a page in the user's language, before any view.

A NUL character cannot be stored in PostgreSQL (psycopg refuses the query) and no form of ours
takes one: typed by no keyboard, it only arrives from a tool. Forms refuse it field by field
(Django's ProhibitNullCharactersValidator), but search boxes, comments posted without a form and
query-string ids reach the database directly, so one NUL in any key or value of the query
string or the posted form, or in an uploaded file's name, is answered here instead of a 500
(issue 11 §5). A multipart body that cannot be parsed is answered the same way.

After LocaleMiddleware (the page is translated) and AuthenticationMiddleware (base.html shows the
menu of the signed-in person).
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, QueryDict
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render

NUL = "\x00"


def _has_nul(data: QueryDict) -> bool:
    return any(NUL in key or any(NUL in value for value in values) for key, values in data.lists())


def bad_request(request: HttpRequest) -> HttpResponse:
    return render(request, "400.html", status=400)


class RejectHostileInputMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if _has_nul(request.GET):
            return bad_request(request)
        if request.method == "POST":
            try:
                post, files = request.POST, request.FILES
            except MultiPartParserError:
                return bad_request(request)
            if _has_nul(post) or any(
                NUL in key or any(NUL in (f.name or "") for f in uploads)
                for key, uploads in files.lists()
            ):
                return bad_request(request)
        return self.get_response(request)


def parse_id(value: object) -> int | None:
    """A primary key from a query string or a posted key, or None: ASCII digits only (`²` passes
    str.isdigit() and `١٢` passes int(), and neither is an id), at most 18 of them (a bigint;
    int() of 5000 digits raises)."""
    text = str(value or "")
    if text.isdecimal() and text.isascii() and len(text) <= 18:
        return int(text)
    return None
