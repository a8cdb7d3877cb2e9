"""Kept for the migrations that name `validate_document`; the checks live in accounts/files.py."""

from . import files


def validate_document(file) -> None:
    """A PDF, PNG or JPEG by its content, no larger than UPLOAD_MAX_BYTES."""
    files.check(getattr(file, "file", file), files.DOCUMENTS)
