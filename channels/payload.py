"""What exactly goes out for an approved version, its hash, and Telegram's limits.

The hash covers the text that is sent and every attachment's bytes: it is fixed on the
Delivery at approval and compared again just before sending, so only what was approved can go
out (an edit makes a new version, which needs approval again: content.workflows)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

TEXT_LIMIT = 4096  # sendMessage text
CAPTION_LIMIT = 1024  # sendPhoto/sendVideo/sendMediaGroup caption
ALBUM_LIMIT = 10  # sendMediaGroup: 2–10 items
PHOTO_MAX_BYTES = 10 * 1024 * 1024  # photos uploaded by a bot
FILE_MAX_BYTES = 50 * 1024 * 1024  # other files uploaded by a bot
PHOTO_MAX_RATIO = 20  # width/height ratio at most 20
PHOTO_MAX_SIDES = 10000  # width + height at most 10000

PHOTO_KINDS = ("photo", "infographic")
VIDEO_KINDS = ("video",)


@dataclass
class Media:
    kind: str  # "photo" | "video"
    name: str
    data: bytes
    content_type: str
    attachment_id: int


@dataclass
class Payload:
    text: str
    media: list[Media] = field(default_factory=list)
    unsupported: list[str] = field(default_factory=list)

    @property
    def method(self) -> str:
        if not self.media:
            return "sendMessage"
        if len(self.media) > 1:
            return "sendMediaGroup"
        return "sendPhoto" if self.media[0].kind == "photo" else "sendVideo"


def post_text(version) -> str:
    language = version.publication.language
    parts = []
    if language in ("kk", "both") and version.text_kk.strip():
        parts.append(version.text_kk.strip())
    if language in ("ru", "both") and version.text_ru.strip():
        parts.append(version.text_ru.strip())
    return "\n\n".join(parts) or version.title.strip()


def build(version) -> Payload:
    payload = Payload(text=post_text(version))
    for attachment in version.attachments.order_by("id"):
        if attachment.kind in PHOTO_KINDS or attachment.kind in VIDEO_KINDS:
            with attachment.file.open("rb") as handle:
                data = handle.read()
            kind = "photo" if attachment.kind in PHOTO_KINDS else "video"
            payload.media.append(
                Media(
                    kind,
                    attachment.original_name or f"{kind}-{attachment.pk}",
                    data,
                    "image/jpeg" if kind == "photo" else "video/mp4",
                    attachment.pk,
                )
            )
        else:
            payload.unsupported.append(attachment.original_name)
    return payload


def version_hash(version, payload: Payload | None = None) -> str:
    payload = payload or build(version)
    digest = {
        "version": version.pk,
        "text": payload.text,
        "media": [[m.kind, hashlib.sha256(m.data).hexdigest()] for m in payload.media],
        "unsupported": payload.unsupported,
    }
    return hashlib.sha256(json.dumps(digest, sort_keys=True).encode()).hexdigest()


def _dimensions(attachment) -> tuple[int, int] | None:
    """The photo's size from its header only (PIL reads no pixels for `.size`)."""
    from PIL import Image

    try:
        with attachment.file.open("rb") as handle, Image.open(handle) as image:
            return image.size
    except Exception:  # noqa: BLE001 - not decodable here: the upload check already ran
        return None


def limit_problems(version) -> list[str]:
    """Why Telegram would refuse this version, in words that say what to change ([] if none).
    Reads no file's bytes (a guard runs on every page that offers the action): sizes from the
    storage, photo dimensions from the image header."""
    text = post_text(version)
    media, unsupported = [], []
    for attachment in version.attachments.order_by("id"):
        if attachment.kind in PHOTO_KINDS:
            media.append(("photo", attachment))
        elif attachment.kind in VIDEO_KINDS:
            media.append(("video", attachment))
        else:
            unsupported.append(attachment.original_name)
    problems = []
    if unsupported:
        problems.append(
            _("Telegram publishing sends photos and videos only; remove or replace: %(files)s.")
            % {"files": ", ".join(unsupported)}
        )
    if not media and len(text) > TEXT_LIMIT:
        problems.append(
            _("The text has %(n)s characters; a Telegram post takes at most %(limit)s.")
            % {"n": len(text), "limit": TEXT_LIMIT}
        )
    if media and len(text) > CAPTION_LIMIT:
        problems.append(
            _(
                "With photos or a video the text is a caption of at most %(limit)s characters; "
                "it has %(n)s. Shorten it or publish the text without media."
            )
            % {"n": len(text), "limit": CAPTION_LIMIT}
        )
    if len(media) > ALBUM_LIMIT:
        problems.append(
            _("A Telegram album takes at most %(limit)s photos and videos; there are %(n)s.")
            % {"n": len(media), "limit": ALBUM_LIMIT}
        )
    for kind, attachment in media:
        limit = PHOTO_MAX_BYTES if kind == "photo" else FILE_MAX_BYTES
        try:
            size = attachment.file.size
        except (OSError, ValueError):
            size = attachment.size
        name = attachment.original_name
        if size > limit:
            problems.append(
                _("“%(name)s” is larger than Telegram accepts from a bot (%(mb)s MB).")
                % {"name": name, "mb": limit // (1024 * 1024)}
            )
        if kind == "photo":
            dims = _dimensions(attachment)
            if dims and (
                max(dims) > PHOTO_MAX_RATIO * max(1, min(dims)) or sum(dims) > PHOTO_MAX_SIDES
            ):
                problems.append(
                    _(
                        "“%(name)s” is too long or too large for a Telegram photo (sides at most "
                        "20 to 1, width and height together at most 10000 pixels)."
                    )
                    % {"name": name}
                )
    return problems
