"""Language of parts (WCAG 3.1.2, docs/accessibility.md): `{{ text|lang_attr }}` gives
` lang="kk"` or ` lang="ru"` for text whose language the letters show, nothing otherwise.

Kazakh and Russian share the Cyrillic alphabet; Kazakh text has letters Russian has not (ә ғ қ ң
ө ұ ү һ і). Free text the product stores without a language (publication and crisis titles, plan
topics, organization names typed by people) is marked this way, so a screen reader reading the
Russian interface switches to its Kazakh voice for a Kazakh title, and back."""

from django import template
from django.utils.html import format_html

register = template.Library()

KAZAKH_LETTERS = frozenset("әғқңөұүһіӘҒҚҢӨҰҮҺІ")


def language_of(text) -> str:
    text = str(text or "")
    if any(c in KAZAKH_LETTERS for c in text):
        return "kk"
    # A short Kazakh word may lack those letters: "ru" only for a text long enough to tell.
    if sum("\u0400" <= c <= "\u04ff" for c in text) >= 12:
        return "ru"
    return ""


@register.filter
def lang_attr(text) -> str:
    language = language_of(text)
    return format_html(' lang="{}"', language) if language else ""
