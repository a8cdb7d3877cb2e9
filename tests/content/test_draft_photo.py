"""Journey 1 in fewer steps (issue 13): a new draft takes its photo in the same form; the photo
is checked by its content like every upload, and a refused one saves nothing."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from content.models import Attachment, Publication
from tests.content.factories import official_account
from tests.content.test_less_typing import draft_data

pytestmark = pytest.mark.django_db


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 1000), "steelblue").save(out, format="JPEG")
    return out.getvalue()


def test_the_draft_and_its_photo_are_saved_together(client, cast):
    account = official_account(cast.own, administrator=cast.alice)
    client.force_login(cast.alice)
    photo = SimpleUploadedFile("meeting.jpg", jpeg(), content_type="image/jpeg")
    response = client.post(
        reverse("content:publication_create"), {**draft_data(account), "photo": photo}
    )
    publication = Publication.objects.get()
    assert response.url == reverse("content:publication_detail", args=[publication.pk])
    attachment = Attachment.objects.get()
    assert attachment.version == publication.current_version
    assert attachment.kind == Attachment.Kind.PHOTO and attachment.original_name == "meeting.jpg"


def test_a_photo_that_is_not_an_image_saves_nothing_and_says_why(client, cast):
    account = official_account(cast.own, administrator=cast.alice)
    client.force_login(cast.alice)
    fake = SimpleUploadedFile(
        "meeting.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"
    )
    response = client.post(
        reverse("content:publication_create"), {**draft_data(account), "photo": fake}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["photo"]
    assert not Publication.objects.exists() and not Attachment.objects.exists()


def test_the_edit_form_has_no_photo_field(client, cast):
    from tests.content.factories import publication

    p = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    page = client.get(reverse("content:publication_edit", args=[p.pk])).content.decode()
    assert 'name="photo"' not in page
    create = client.get(reverse("content:publication_create")).content.decode()
    assert 'name="photo"' in create
