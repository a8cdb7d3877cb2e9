"""Uploaded files: what a file is, where it is stored, and how it goes back out.

Every stored file of the project (registry documents, publication attachments and statement
approvals, appeal attachments and official responses) passes through here:

- **Kind from the content.** `detect()` judges a file by its bytes, never by its name or by the
  browser's declared type: PDF, JPEG, PNG, WebP, MP4/MOV, WebM, MP3, M4A, OGG, WAV, DOCX, XLSX
  (docs/security.md lists which field takes which). An image must also open as one (Pillow
  reads its header), so an HTML page behind a PNG signature is refused; a DOCX or XLSX must be a
  real Office Open XML package without macros.
- **Pixel cap before decoding.** `check()` reads the image header only and refuses more than
  `FILES_MAX_PIXELS` pixels before anything is decoded; `Image.MAX_IMAGE_PIXELS` is set to the
  same cap so no other code path decodes a bigger one.
- **Images lose their metadata.** `reencode()` writes the visible pixels again, without EXIF
  (GPS location, camera serials).
- **Generated names.** `GeneratedName` (the fields' `upload_to`) stores a new file as
  `<folder>/<yyyy>/<mm>/<uuid4 hex>.<extension of the detected kind>`: no user text in a path.
  Names of files stored before keep working.
- **One way out.** `respond()` is the only download response: the detected kind's content type,
  `attachment` for everything but an image asked for inline (thumbnails), `nosniff`, and
  `Content-Security-Policy: sandbox`, so even a file that slipped through cannot run script in
  the site's origin. With `FILES_X_ACCEL_REDIRECT` set and files on the filesystem, nginx sends
  the bytes (deploy/nginx.conf); from S3-compatible object storage (`FILE_STORAGE=s3`) the view
  streams the object, never a bucket URL (docs/operations.md, "Object storage"). Views call it
  after `accounts.permissions` has fetched the object. Every read and write goes through the
  storage API (FieldFile, default_storage): no path of MEDIA_ROOT is used anywhere.

Who depends on this: registry/models.py, content/models.py, content/uploads.py,
appeals/models.py, appeals/forms.py, and the file views of registry, content and appeals.
"""

from __future__ import annotations

import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import quote

from botocore.exceptions import ClientError
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

HEAD_BYTES = 64


@dataclass(frozen=True)
class Kind:
    name: str
    content_type: str
    extension: str
    family: str  # image, document, video, audio

    @property
    def is_image(self) -> bool:
        return self.family == "image"


KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("pdf", "application/pdf", "pdf", "document"),
        Kind("jpeg", "image/jpeg", "jpg", "image"),
        Kind("png", "image/png", "png", "image"),
        Kind("webp", "image/webp", "webp", "image"),
        Kind("mp4", "video/mp4", "mp4", "video"),
        Kind("mov", "video/quicktime", "mov", "video"),
        Kind("webm", "video/webm", "webm", "video"),
        Kind("mp3", "audio/mpeg", "mp3", "audio"),
        Kind("m4a", "audio/mp4", "m4a", "audio"),
        Kind("ogg", "audio/ogg", "ogg", "audio"),
        Kind("wav", "audio/wav", "wav", "audio"),
        Kind(
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            "document",
        ),
        Kind(
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            "document",
        ),
    )
}

# The kinds each upload field takes (docs/security.md, "Files and Content-Security-Policy").
DOCUMENTS = ("pdf", "png", "jpeg")  # registry documents, statement approvals
SCREENSHOTS = ("pdf", "png", "jpeg", "webp")  # appeal attachments
OFFICIAL_RESPONSES = ("pdf", "docx", "png", "jpeg")
PUBLICATION_MATERIALS = tuple(KINDS)  # content/uploads.py narrows by the material's kind
THUMBNAILS = ("jpeg",)

PIL_FORMATS = {"jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}


def max_pixels() -> int:
    return settings.FILES_MAX_PIXELS


def _read_head(file) -> bytes:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(position)
    return head or b""


def _by_signature(head: bytes) -> str | None:
    if head.startswith(b"%PDF-") and head[5:6].isdigit() and head[6:7] == b".":
        return "pdf"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "webp"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "wav"
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"M4A ", b"M4B "):
            return "m4a"
        return "mov" if brand == b"qt  " else "mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm"
    if head.startswith(b"ID3") or head[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xf2"):
        return "mp3"
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"PK\x03\x04"):
        return "zip"
    return None


def _office_kind(file) -> str | None:
    """DOCX or XLSX: a zip whose table of contents names the package's main part. Only the
    central directory is read (nothing is decompressed); macros are refused."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return None
    finally:
        file.seek(position)
    if "[Content_Types].xml" not in names or any(n.endswith("vbaProject.bin") for n in names):
        return None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    return None


def _image_size(file) -> tuple[int, int] | None:
    """Width and height from the header; nothing is decoded."""
    position = file.tell() if hasattr(file, "tell") else 0
    try:
        file.seek(0)
        with Image.open(file) as image:
            return image.size
    except Image.DecompressionBombError:
        return (max_pixels() + 1, 1)  # far past the cap: check() refuses it as too large
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    finally:
        file.seek(position)


def detect(file) -> Kind | None:
    """The kind of a file judged by its content, or None if it is none of KINDS."""
    name = _by_signature(_read_head(file))
    if name == "zip":
        name = _office_kind(file)
    if name is None:
        return None
    kind = KINDS[name]
    if kind.is_image and _image_size(file) is None:
        return None  # a signature in front of something else (an HTML page, a script)
    return kind


def _size_of(file) -> int:
    size = getattr(file, "size", None)
    if size is None:
        position = file.tell()
        file.seek(0, io.SEEK_END)
        size = file.tell()
        file.seek(position)
    return size


def check(file, kinds: tuple[str, ...] | list[str], max_bytes: int | None = None) -> Kind:
    """The file's kind if it is one of `kinds`, within the size limit and, for an image, the
    pixel cap; otherwise a ValidationError that names what is accepted."""
    limit = settings.UPLOAD_MAX_BYTES if max_bytes is None else max_bytes
    if _size_of(file) > limit:
        raise ValidationError(
            _("The file is too large: the limit is %(limit)s MB."),
            code="file_too_large",
            params={"limit": round(limit / 1024 / 1024, 1)},
        )
    kind = detect(file)
    if kind is None or kind.name not in kinds:
        if tuple(kinds) == DOCUMENTS:  # the registry's long-standing message
            raise ValidationError(_("Upload a PDF, PNG or JPEG file."), code="file_type")
        raise ValidationError(
            _("This file type is not accepted here. Accepted: %(kinds)s."),
            code="file_type",
            params={"kinds": ", ".join(KINDS[k].extension.upper() for k in kinds)},
        )
    if kind.is_image:
        width, height = _image_size(file) or (0, 0)
        if width * height > max_pixels():
            raise ValidationError(
                _("The image is too large: at most %(mp)s megapixels."),
                code="image_too_large",
                params={"mp": max_pixels() // 1_000_000},
            )
    return kind


def reencode(file, kind: Kind) -> bytes:
    """The visible image written again without metadata (EXIF with the GPS location, camera
    serials, comments), in its visible orientation. `check()` has capped the pixels first."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    try:
        with Image.open(file) as image:
            width, height = image.size
            if width * height > max_pixels():  # before load(): nothing decoded yet
                raise ValidationError(
                    _("The image is too large: at most %(mp)s megapixels."),
                    code="image_too_large",
                    params={"mp": max_pixels() // 1_000_000},
                )
            image.load()
            clean = ImageOps.exif_transpose(image)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError):
        raise ValidationError(_("The image cannot be read."), code="image_unreadable") from None
    finally:
        file.seek(position)
    out = io.BytesIO()
    pil_format = PIL_FORMATS[kind.name]
    if pil_format == "JPEG" and clean.mode not in ("RGB", "L"):
        clean = clean.convert("RGB")
    clean.save(out, format=pil_format, quality=90)  # no exif= argument: none is written
    return out.getvalue()


def thumbnail(data: bytes, size: int = 320) -> bytes:
    with Image.open(io.BytesIO(data)) as image:
        thumb = image.copy()
    thumb.thumbnail((size, size))
    if thumb.mode not in ("RGB", "L"):
        thumb = thumb.convert("RGB")
    out = io.BytesIO()
    thumb.save(out, format="JPEG", quality=80)
    return out.getvalue()


def prepare(file, kinds: tuple[str, ...] | list[str], max_bytes: int | None = None) -> ContentFile:
    """Check an upload and return what is stored: images re-encoded without metadata, other
    kinds as they came, named by the kind (the path itself is made by GeneratedName)."""
    kind = check(file, kinds, max_bytes)
    if kind.is_image:
        data = reencode(file, kind)
    else:
        file.seek(0)
        data = file.read()
    return ContentFile(data, name=f"upload.{kind.extension}")


class UploadField(forms.FileField):
    """A form's file field that checks the upload by content and hands on what is stored:
    images re-encoded without metadata. The user's file name rides along as `original_name`
    (for display and the download name only)."""

    def __init__(self, *args, kinds: tuple[str, ...] = DOCUMENTS, max_bytes=None, **kwargs):
        self.kinds, self.max_bytes = tuple(kinds), max_bytes
        kwargs.pop("max_length", None)  # the generated name is short whatever the user sent
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("accept", ",".join(accept(self.kinds)))

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            return prepared_upload(value, self.kinds, self.max_bytes)
        return value


def accept(kinds) -> list[str]:
    """The `accept` attribute of a file input: a hint to the browser, never trusted."""
    return [KINDS[k].content_type for k in kinds] + [f".{KINDS[k].extension}" for k in kinds]


def prepared_upload(upload, kinds, max_bytes=None) -> ContentFile:
    stored = prepare(upload, kinds, max_bytes)
    stored.original_name = original_name(upload)
    return stored


def original_name(file) -> str:
    """The name the user gave, kept as data for display and the download name only."""
    return PurePosixPath(str(getattr(file, "name", "") or "")).name[:255]


@deconstructible
class KindValidator:
    """Model field validator: the stored file is one of `kinds` by its content, within the size
    limit named by the setting `limit`."""

    def __init__(self, *kinds: str, limit: str = "UPLOAD_MAX_BYTES") -> None:
        self.kinds, self.limit = kinds, limit

    def __call__(self, value) -> None:
        file = getattr(value, "file", value)
        check(file, self.kinds, getattr(settings, self.limit))

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, KindValidator)
            and other.kinds == self.kinds
            and other.limit == self.limit
        )


@deconstructible
class GeneratedName:
    """`upload_to` for every FileField: `<folder>/<yyyy>/<mm>/<uuid4 hex>.<ext>`, the extension
    that of the kind detected in the field's content (the user's file name is not used)."""

    def __init__(self, folder: str, field: str) -> None:
        self.folder = folder.strip("/")
        self.field = field

    def __call__(self, instance, filename: str) -> str:
        extension = "bin"
        value = getattr(instance, self.field, None)
        try:
            content = value.file if value else None
        except (ValueError, OSError):
            content = None
        if content is not None:
            kind = detect(content)
            if kind is not None:
                extension = kind.extension
        today = timezone.localdate()
        return f"{self.folder}/{today:%Y}/{today:%m}/{uuid.uuid4().hex}.{extension}"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, GeneratedName)
            and other.folder == self.folder
            and other.field == self.field
        )


def safe_name(name: str) -> str:
    """A user's file name made safe for Content-Disposition: no path, no control characters,
    no quotes or separators a header could be split on."""
    name = PurePosixPath(name.replace("\\", "/")).name
    name = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\/;:*?<>|')
    return name.strip(" .")[:150] or "file"


def respond(field_file, *, download_name: str = "", inline_image: bool = False) -> HttpResponse:
    """The one response that sends a stored file. The caller has already fetched the object
    through accounts.permissions (out of reach: 404, role too weak: 403)."""
    if not field_file:
        raise Http404
    try:
        handle = field_file.open("rb")
    except (FileNotFoundError, OSError):
        raise Http404 from None
    except ClientError as error:  # object storage: a missing object is a 404, anything else fails
        if error.response.get("Error", {}).get("Code") in ("404", "NoSuchKey", "NotFound"):
            raise Http404 from None
        raise
    kind = detect(handle)
    content_type = kind.content_type if kind else "application/octet-stream"
    inline = bool(inline_image and kind and kind.is_image)
    stem = PurePosixPath(download_name or field_file.name).stem or "file"
    # The download name carries the detected kind's extension, never the uploader's.
    name = f"{stem}.{kind.extension}" if kind else f"{stem}.bin"

    # X-Accel-Redirect names a file under nginx's `internal` alias of MEDIA_ROOT: filesystem
    # storage only. From object storage the view streams the object itself (S3File: copied into
    # a temporary file, in memory up to S3_MAX_MEMORY_BYTES), never a bucket URL.
    accel = settings.FILES_X_ACCEL_REDIRECT
    if accel and isinstance(field_file.storage, FileSystemStorage):
        handle.close()
        response: HttpResponse = HttpResponse(content_type=content_type)
        response["X-Accel-Redirect"] = accel.rstrip("/") + "/" + quote(field_file.name)
    else:
        response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, safe_name(name))
    response["X-Content-Type-Options"] = "nosniff"
    # Set here, so django-csp's middleware leaves it: a file never runs script, never loads
    # anything, never appears in a frame.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox; frame-ancestors 'none'"
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    response["Cache-Control"] = "private, no-store"
    return response


def _configure_pillow() -> None:
    # Pillow warns past MAX_IMAGE_PIXELS and refuses twice that; check() refuses past the cap
    # itself before decoding, this keeps any other Pillow call in the same bounds.
    Image.MAX_IMAGE_PIXELS = getattr(settings, "FILES_MAX_PIXELS", 40_000_000)


_configure_pillow()
