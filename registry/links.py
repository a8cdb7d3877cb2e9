"""Normalizing an official account's link per network, so that `https://www.instagram.com/Foo/`
and `instagram.com/foo` are recognized as the same account (R4.3: one register for the union)."""

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .models import Network

# network → (canonical host, hosts accepted, does the path ignore case?)
HOSTS: dict[str, tuple[str, set[str], bool]] = {
    Network.INSTAGRAM: ("instagram.com", {"instagram.com", "instagr.am"}, True),
    Network.FACEBOOK: ("facebook.com", {"facebook.com", "fb.com", "fb.me"}, True),
    Network.TELEGRAM_CHANNEL: ("t.me", {"t.me", "telegram.me", "telegram.dog"}, True),
    Network.TELEGRAM_GROUP: ("t.me", {"t.me", "telegram.me", "telegram.dog"}, True),
    Network.YOUTUBE: ("youtube.com", {"youtube.com", "youtu.be"}, False),
    Network.TIKTOK: ("tiktok.com", {"tiktok.com"}, True),
    Network.VK: ("vk.com", {"vk.com", "vk.ru", "vkontakte.ru"}, True),
    Network.X: ("x.com", {"x.com", "twitter.com"}, True),
    Network.THREADS: ("threads.net", {"threads.net", "threads.com"}, True),
    Network.WHATSAPP_CHANNEL: ("whatsapp.com", {"whatsapp.com"}, False),
}
SUBDOMAINS = ("www.", "m.", "mobile.", "web.", "business.")
INVALID = _("Enter a valid link, e.g. https://t.me/kasipodaq.")


def with_scheme(raw: str) -> str:
    """The link as people open it: typed without a scheme, it gets https://."""
    text = (raw or "").strip()
    return text if "://" in text else f"https://{text}"


def normalize(network: str, raw: str) -> str:
    """Return host/path (no scheme, no query, no trailing slash), or raise ValidationError."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Enter the account's link."), code="required")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise ValidationError(INVALID, code="invalid")
    host = parts.hostname.lower()
    for prefix in SUBDOMAINS:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    path = re.sub(r"/{2,}", "/", parts.path).rstrip("/")
    if network not in HOSTS:  # "other": any web address
        if "." not in host:
            raise ValidationError(INVALID, code="invalid")
        return host + path
    canonical, accepted, ignore_case = HOSTS[network]
    if host not in accepted:
        raise ValidationError(
            _("This is not a %(network)s link."),
            code="wrong_network",
            params={"network": Network(network).label},
        )
    segments = [s for s in path.split("/") if s]
    if network in (Network.TELEGRAM_CHANNEL, Network.TELEGRAM_GROUP) and segments[:1] == ["s"]:
        segments = segments[1:]  # t.me/s/name is the web preview of t.me/name
    if network == Network.FACEBOOK and segments[:1] == ["profile.php"]:
        page_id = parse_qs(parts.query).get("id", [""])[0]
        if not (page_id.isdecimal() and page_id.isascii()):  # "²" passes isdigit()
            raise ValidationError(_("Enter the link of the account itself, not of the site."))
        return f"{canonical}/profile.php?id={page_id}"
    if network == Network.YOUTUBE and host == "youtu.be":
        raise ValidationError(_("Enter the link of the channel, not of a video."))
    if not segments:
        raise ValidationError(
            _("Enter the link of the account itself, not of the site."), code="no_account"
        )
    account_segments = segments[:2] if _two_segments(network, segments) else segments[:1]
    path = "/".join(account_segments)
    # Names ignore case; Telegram invite links (t.me/+AbC) and YouTube channel ids do not.
    names_ignore_case = ignore_case or (network == Network.YOUTUBE and path.startswith("@"))
    if names_ignore_case and not path.startswith(("+", "joinchat")):
        path = path.lower()
    return f"{canonical}/{path}"


def host_of(raw: str) -> str:
    """The link's host as the register compares hosts: lower-cased, without "www." or the
    other mobile/web prefixes; "" when the text is not an http(s) link."""
    text = (raw or "").strip()
    if not text or " " in text:
        return ""
    parts = urlsplit(text if "://" in text else "https://" + text)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    host = parts.hostname.lower()
    for prefix in SUBDOMAINS:
        if host.startswith(prefix):
            host = host[len(prefix) :]
    return host


def same_network(network: str, account_url: str, raw: str) -> bool:
    """Does the link `raw` (a publication's link) belong to the network and host of an account
    of `network` registered at `account_url`? A network's accepted hosts count as one
    (t.me and telegram.me; youtube.com and youtu.be); an "other" account, its own host."""
    host = host_of(raw)
    if not host:
        return False
    if network in HOSTS:
        return host in HOSTS[network][1]
    return host == host_of(account_url)


def _two_segments(network: str, segments: list[str]) -> bool:
    first = segments[0].lower()
    if network == Network.YOUTUBE:
        return first in ("channel", "c", "user")
    if network == Network.WHATSAPP_CHANNEL:
        return first == "channel"
    if network in (Network.TELEGRAM_CHANNEL, Network.TELEGRAM_GROUP):
        return first == "joinchat"
    return False
