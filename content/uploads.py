"""Attachments of publications: the type is judged by the file's content (accounts/files.py), the
size by a limit per kind; images are re-encoded without EXIF (location above all), with their
pixels capped before decoding, and get a thumbnail. The stored path is generated
(accounts.files.GeneratedName); the user's file name is kept as `original_name` only."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from accounts import files

from .models import Attachment

K = Attachment.Kind

# Detected kinds each material accepts (docs/content.md, docs/security.md).
ALLOWED: dict[str, tuple[str, ...]] = {
    K.PHOTO: ("jpeg", "png", "webp"),
    K.INFOGRAPHIC: ("jpeg", "png", "webp", "pdf"),
    K.VIDEO: ("mp4", "mov", "webm"),
    K.AUDIO: ("mp3", "m4a", "ogg", "wav"),
    K.DOCUMENT: ("pdf", "docx", "xlsx", "jpeg", "png", "webp"),
}


def limit_for(kind: str) -> int:
    if kind in (K.VIDEO, K.AUDIO):
        return settings.CONTENT_MEDIA_MAX_BYTES
    return settings.UPLOAD_MAX_BYTES


def store(upload, kind: str) -> dict:
    """Validate and prepare an uploaded file; returns the Attachment fields."""
    if kind not in ALLOWED:
        raise ValidationError({"kind": _("Choose the kind of material.")})
    limit = limit_for(kind)
    if upload.size > limit:
        raise ValidationError(
            {
                "file": _("The file is too large: the limit is %(limit)s MB.")
                % {"limit": round(limit / 1024 / 1024, 1)}
            }
        )
    detected = files.detect(upload)
    if detected is None or detected.name not in ALLOWED[kind]:
        raise ValidationError(
            {"file": _("This file is not a %(kind)s.") % {"kind": K(kind).label.lower()}}
        )
    try:
        stored = files.prepare(upload, ALLOWED[kind], max_bytes=limit)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from None
    fields = {"original_name": files.original_name(upload) or "file", "size": stored.size}
    fields["file"] = stored
    if detected.is_image:
        fields["thumbnail"] = ContentFile(files.thumbnail(stored.read()), name="thumb.jpg")
        stored.seek(0)
    return fields
