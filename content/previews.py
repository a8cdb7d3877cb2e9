"""A publication as each target account's network will show it, and what the network would
refuse (issue 13, point 3; R6.2: what the head approves is exactly what goes out).

`LIMITS` is the table of the networks' published limits (sources in docs/content.md).
`check(version, account)` lists the problems; the blocking ones are what the network would
refuse, and the guard "R6.2-limits" (content/guards.py) stops submitting, approving and urgent
publishing while there is one. `preview(version, account)` gives the publication page and the
approval page what a card needs: the text in the account's language, the first image with its
ratio, the counters. static/js/compose.js counts the same way while the form is typed in.

Characters are counted as Python's `len` counts them (code points) on the text with its line
ends made "\\n" (a browser posts "\\r\\n"); compose.js counts the same. Image sides are read from
the stored file's header with Pillow (the upload was judged by its content, never its name:
content/uploads.py); no pixel is decoded."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.links import HOSTS
from registry.models import Network

# The attachment kinds a network shows as the post's picture or video.
PHOTO_KINDS = ("photo", "infographic")
MEDIA_KINDS = ("photo", "infographic", "video")

# Instagram's accepted image ratios, width / height: 4:5 (portrait) to 1.91:1 (landscape).
RATIO_MIN = 0.8
RATIO_MAX = 1.91
_EPSILON = 1e-9


@dataclass(frozen=True)
class Limits:
    style: str  # the card's look: telegram, instagram, facebook, tiktok, youtube, vk, plain
    text: int | None = None  # the post's text, or the video's description on YouTube
    caption: int | None = None  # the text under a photo or video (Telegram)
    title: int | None = None  # YouTube's video title
    hashtags: int | None = None  # Instagram
    ratio: tuple[float, float] | None = None  # accepted image width/height (Instagram)


TELEGRAM = Limits("telegram", text=4096, caption=1024)
LIMITS: dict[str, Limits] = {
    Network.TELEGRAM_CHANNEL: TELEGRAM,
    Network.TELEGRAM_GROUP: TELEGRAM,
    Network.INSTAGRAM: Limits("instagram", text=2200, hashtags=30, ratio=(RATIO_MIN, RATIO_MAX)),
    Network.FACEBOOK: Limits("facebook", text=63206),
    # The Content Posting API's video caption (post_info.title): 2,200 (docs/content.md).
    Network.TIKTOK: Limits("tiktok", text=2200),
    Network.YOUTUBE: Limits("youtube", text=5000, title=100),
    Network.VK: Limits("vk", text=15895),
}
PLAIN = Limits("plain")

HASHTAG = re.compile(r"(?<![\w#])#\w+")

# Labels of the counters (the card shows "Text: 1,234 / 2,200").
COUNTER_LABELS = {
    "text": gettext_lazy("Text"),
    "caption": gettext_lazy("Caption"),
    "title": gettext_lazy("Title"),
    "description": gettext_lazy("Description"),
    "hashtags": gettext_lazy("Hashtags"),
}


def limits_for(network: str) -> Limits:
    return LIMITS.get(network, PLAIN)


@dataclass
class Problem:
    """One reason the network would refuse the post (blocking) or show it badly (not)."""

    account: Any
    network: str
    code: str  # text, caption, title, hashtags, ratio, media
    message: str
    blocking: bool = True
    value: Any = None
    limit: Any = None

    def __str__(self) -> str:
        return self.message


@dataclass
class Image:
    attachment: Any
    width: int
    height: int

    @property
    def ratio(self) -> float:
        return self.width / self.height

    @property
    def ratio_text(self) -> str:
        return f"{formats.number_format(round(self.ratio, 2), 2)}:1"


@dataclass
class Counter:
    code: str
    value: int
    limit: int | None

    @property
    def label(self) -> str:
        return str(COUNTER_LABELS[self.code])

    @property
    def over(self) -> bool:
        return self.limit is not None and self.value > self.limit

    @property
    def text(self) -> str:
        """ "1,234 / 2,200" with the language's grouping; the value alone without a limit."""
        value = formats.number_format(self.value, force_grouping=True)
        if self.limit is None:
            return value
        return f"{value} / {formats.number_format(self.limit, force_grouping=True)}"


@dataclass
class Preview:
    account: Any
    limits: Limits
    title: str
    text: str
    language: str  # the lang attribute of the text: kk, ru, or "" for both
    image: Image | None
    media_count: int
    counters: list[Counter] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def style(self) -> str:
        return self.limits.style

    @property
    def blocking(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]


def normalized(text: str) -> str:
    return (text or "").replace("\r\n", "\n").replace("\r", "\n")


def languages_shown(publication_language: str, account_languages: str) -> list[str]:
    """Which of the texts the account shows: those of the publication's language the account
    publishes in (a Kazakh-only account shows the Kazakh text of a bilingual post)."""
    wanted = ["kk", "ru"] if publication_language == "both" else [publication_language]
    if account_languages in ("kk", "ru"):
        kept = [code for code in wanted if code == account_languages]
        return kept or wanted
    return wanted


def text_for(version, account) -> tuple[str, str]:
    """The post's text as `account` shows it, and its lang attribute ("" when both)."""
    codes = languages_shown(version.publication.language, account.languages)
    parts = [
        normalized(getattr(version, f"text_{code}")).strip()
        for code in codes
        if getattr(version, f"text_{code}", "").strip()
    ]
    text = "\n\n".join(parts) or normalized(version.title).strip()
    language = codes[0] if len(codes) == 1 else ""
    return text, language


def hashtag_count(text: str) -> int:
    return len(HASHTAG.findall(text))


def _attachments(version) -> list:
    """The version's attachments, read once per version object (several accounts ask)."""
    if "_preview_attachments" not in version.__dict__:
        version._preview_attachments = list(version.attachments.order_by("id"))
    return version._preview_attachments


def _image_size(attachment) -> tuple[int, int] | None:
    """Width and height from the stored image's header (Pillow reads no pixels for `.size`);
    None when the file is not an image Pillow knows (a PDF infographic)."""
    if "_preview_size" not in attachment.__dict__:
        from PIL import Image as PILImage

        size = None
        try:
            with attachment.file.open("rb") as handle, PILImage.open(handle) as image:
                width, height = image.size
                if width > 0 and height > 0:
                    size = (width, height)
        except Exception:  # noqa: BLE001 - not an image here: the upload check already ran
            size = None
        attachment._preview_size = size
    return attachment._preview_size


def images(version) -> list[Image]:
    out = []
    for attachment in _attachments(version):
        if attachment.kind in PHOTO_KINDS:
            size = _image_size(attachment)
            if size:
                out.append(Image(attachment, *size))
    return out


def media_count(version) -> int:
    return sum(1 for a in _attachments(version) if a.kind in MEDIA_KINDS)


def _number(value: int) -> str:
    return formats.number_format(value, force_grouping=True)


def _too_long(account, network_label, what, value, limit) -> str:
    params = {
        "account": account.display_name,
        "network": network_label,
        "n": _number(value),
        "limit": _number(limit),
    }
    if what == "caption":
        return (
            _(
                "“%(account)s” (%(network)s): with a photo or video the text is a caption of at "
                "most %(limit)s characters; it has %(n)s. Shorten it or publish without media."
            )
            % params
        )
    if what == "title":
        return (
            _(
                "“%(account)s” (%(network)s): the title has %(n)s characters; %(network)s takes "
                "at most %(limit)s."
            )
            % params
        )
    return (
        _(
            "“%(account)s” (%(network)s): the text has %(n)s characters; %(network)s takes at "
            "most %(limit)s."
        )
        % params
    )


def _measure(version, account) -> tuple[Preview, list[Problem]]:
    limits = limits_for(account.network)
    label = account.get_network_display()
    text, language = text_for(version, account)
    title = normalized(version.title).strip()
    found = images(version)
    media = media_count(version)
    counters: list[Counter] = []
    problems: list[Problem] = []

    def limit_text(code: str, value: int, limit: int | None) -> None:
        counters.append(Counter(code, value, limit))
        if limit is not None and value > limit:
            what = "caption" if code == "caption" else "title" if code == "title" else "text"
            problems.append(
                Problem(
                    account,
                    account.network,
                    code,
                    _too_long(account, label, what, value, limit),
                    value=value,
                    limit=limit,
                )
            )

    if limits.title is not None:
        limit_text("title", len(title), limits.title)
    if limits.caption is not None and media:
        limit_text("caption", len(text), limits.caption)
    else:
        limit_text("description" if limits.style == "youtube" else "text", len(text), limits.text)
    if limits.hashtags is not None:
        count = hashtag_count(text)
        counters.append(Counter("hashtags", count, limits.hashtags))
        if count > limits.hashtags:
            problems.append(
                Problem(
                    account,
                    account.network,
                    "hashtags",
                    _(
                        "“%(account)s” (%(network)s): the text has %(n)s hashtags; %(network)s "
                        "takes at most %(limit)s."
                    )
                    % {
                        "account": account.display_name,
                        "network": label,
                        "n": count,
                        "limit": limits.hashtags,
                    },
                    value=count,
                    limit=limits.hashtags,
                )
            )
    if limits.ratio is not None:
        low, high = limits.ratio
        for image in found:
            if not (low - _EPSILON <= image.ratio <= high + _EPSILON):
                problems.append(
                    Problem(
                        account,
                        account.network,
                        "ratio",
                        _(
                            "“%(account)s” (%(network)s): the image “%(name)s” is %(ratio)s "
                            "(width to height); %(network)s takes images from 4:5 (0.8:1) to "
                            "1.91:1. Crop it."
                        )
                        % {
                            "account": account.display_name,
                            "network": label,
                            "name": image.attachment.original_name,
                            "ratio": image.ratio_text,
                        },
                        value=round(image.ratio, 4),
                        limit=limits.ratio,
                    )
                )
    if limits.style in ("instagram", "tiktok", "youtube") and not media:
        # Shown, not blocking: the post is recorded by a person, who may add the media there.
        problems.append(
            Problem(
                account,
                account.network,
                "media",
                _("%(network)s posts need a photo or a video.") % {"network": label}
                if limits.style != "youtube"
                else _("YouTube publishes videos: attach the video."),
                blocking=False,
            )
        )
    preview = Preview(
        account=account,
        limits=limits,
        title=title,
        text=text,
        language=language,
        image=found[0] if found else None,
        media_count=media,
        counters=counters,
        problems=problems,
    )
    return preview, problems


def check(version, account) -> list[Problem]:
    """What `account`'s network would refuse in `version` (blocking) or show badly (not)."""
    return _measure(version, account)[1]


def preview(version, account) -> Preview:
    return _measure(version, account)[0]


def blocking_problems(version, accounts) -> list[Problem]:
    return [p for account in accounts for p in check(version, account) if p.blocking]


def client_data(accounts, media: int = 0) -> dict:
    """What static/js/compose.js needs to count and check links as the user types: per account
    id its network, languages, limits and the hosts registry.links accepts for its network (the
    link check mirrors registry.links.same_network), and the page's words, translated."""
    from registry.links import host_of

    table = {}
    for account in accounts:
        limits = limits_for(account.network)
        hosts = sorted(HOSTS[account.network][1]) if account.network in HOSTS else []
        if not hosts and host_of(account.url):
            hosts = [host_of(account.url)]
        table[str(account.pk)] = {
            "name": account.display_name,
            "network": account.network,
            "label": str(account.get_network_display()),
            "languages": account.languages,
            "style": limits.style,
            "text": limits.text,
            "caption": limits.caption,
            "title": limits.title,
            "hashtags": limits.hashtags,
            "hosts": hosts,
        }
    strings = {code: str(label) for code, label in COUNTER_LABELS.items()}
    strings.update(
        {
            "over": _("Over the limit: %(network)s would refuse it."),
            "wrong_link": _(
                "This is not a link of %(network)s, where “%(account)s” is: give the "
                "publication's link on that account."
            ),
            "no_media": _("%(network)s posts need a photo or a video."),
        }
    )
    # `media`: the version's photos and videos (Telegram counts a caption then).
    return {
        "accounts": table,
        "strings": strings,
        "media": media,
        "thousands": formats.get_format("THOUSAND_SEPARATOR"),
    }
