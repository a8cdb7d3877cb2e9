"""Attachments of publications: the type is judged by the file's first bytes, the size by a
limit per kind; images lose their EXIF data (location above all) and get a thumbnail."""

from __future__ import annotations

import io
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from .models import Attachment

K = Attachment.Kind


def _kind_of(head: bytes) -> tuple[str, str] | None:
    """(family, extension) from the first bytes."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image", "jpg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image", "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image", "webp"
    if head.startswith(b"%PDF-"):
        return "document", "pdf"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        return ("audio", "m4a") if brand in (b"M4A ", b"M4B ") else ("video", "mp4")
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video", "webm"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "audio", "mp3"
    if head.startswith(b"OggS"):
        return "audio", "ogg"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio", "wav"
    return None


ALLOWED = {
    K.PHOTO: {"image"},
    K.INFOGRAPHIC: {"image", "document"},
    K.VIDEO: {"video"},
    K.AUDIO: {"audio"},
    K.DOCUMENT: {"document", "image"},
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
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    detected = _kind_of(head)
    if detected is None or detected[0] not in ALLOWED[kind]:
        raise ValidationError(
            {"file": _("This file is not a %(kind)s.") % {"kind": K(kind).label.lower()}}
        )
    family, extension = detected
    stem = Path(upload.name).stem[:80] or "file"
    name = f"{stem}.{extension}"
    fields = {"original_name": Path(upload.name).name[:255], "size": upload.size}
    if family == "image":
        clean, thumb = _clean_image(upload, extension)
        fields["file"] = ContentFile(clean, name=name)
        fields["thumbnail"] = ContentFile(thumb, name=f"{stem}-thumb.jpg")
        fields["size"] = len(clean)
    else:
        fields["file"] = ContentFile(upload.read(), name=name)
    return fields


def _clean_image(upload, extension: str) -> tuple[bytes, bytes]:
    """Re-encode without EXIF (GPS location, camera serials); keep the visible orientation."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        image = Image.open(upload)
        image.load()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError({"file": _("The image cannot be read.")}) from None
    image = ImageOps.exif_transpose(image)
    clean = io.BytesIO()
    formats = {"jpg": "JPEG", "png": "PNG", "webp": "WEBP"}
    if formats[extension] == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.save(clean, format=formats[extension], quality=90)  # no exif= argument: none is written
    thumb = image.copy()
    thumb.thumbnail((320, 320))
    if thumb.mode not in ("RGB", "L"):
        thumb = thumb.convert("RGB")
    out = io.BytesIO()
    thumb.save(out, format="JPEG", quality=80)
    return clean.getvalue(), out.getvalue()
