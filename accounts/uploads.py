"""Checks for uploaded documents (decisions, orders, screenshots, evidence): the type is judged by
the file's first bytes, not its name, and the size by UPLOAD_MAX_BYTES. Shared by every app."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

SIGNATURES = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpeg": (b"\xff\xd8\xff",),
}


def sniff(file) -> str | None:
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(16)
    file.seek(position)
    for kind, signatures in SIGNATURES.items():
        if any(head.startswith(s) for s in signatures):
            return kind
    return None


def validate_document(file) -> None:
    """A PDF, PNG or JPEG no larger than the limit."""
    limit = settings.UPLOAD_MAX_BYTES
    if file.size > limit:
        raise ValidationError(
            _("The file is too large: the limit is %(limit)s MB."),
            code="file_too_large",
            params={"limit": round(limit / 1024 / 1024, 1)},
        )
    if sniff(file) is None:
        raise ValidationError(_("Upload a PDF, PNG or JPEG file."), code="file_type")
