import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from content.models import Attachment, Publication, PublicationStatus
from tests.content.factories import publication
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture
def posts(cast):
    return {
        where: publication(getattr(cast, where), cast.alice)
        for where in ("own", "child", "sibling", "parent")
    }


# (user, publication's organization, detail, edit)
MATRIX = [
    ("alice", "own", 200, 200),
    ("alice", "child", 200, 403),
    ("alice", "sibling", 404, 404),
    ("alice", "parent", 404, 404),
    ("lara", "own", 200, 403),
    ("charlie", "own", 200, 403),
    ("charlie", "sibling", 404, 404),
    ("paula", "own", 200, 403),
    ("paula", "parent", 200, 403),
    ("root", "sibling", 200, 200),
]


@pytest.mark.parametrize(("who", "where", "detail", "edit"), MATRIX)
def test_publication_pages_answer_by_role_and_place(client, cast, posts, who, where, detail, edit):
    client.force_login(getattr(cast, who))
    pk = posts[where].pk
    assert client.get(reverse("content:publication_detail", args=[pk])).status_code == detail
    assert client.get(reverse("content:publication_edit", args=[pk])).status_code == edit


def test_a_forged_approval_of_another_organization_s_publication_is_404(client, cast, posts):
    Publication.objects.filter(pk=posts["sibling"].pk).update(status=S.SUBMITTED)
    client.force_login(cast.charlie)
    response = client.post(
        reverse("content:publication_action", args=[posts["sibling"].pk, "approve"]), {"version": 1}
    )
    assert response.status_code == 404
    assert Publication.objects.get(pk=posts["sibling"].pk).status == S.SUBMITTED


def test_creating_a_draft_checks_language_texts_and_accounts(client, cast):
    account = OfficialAccountFactory(organization=cast.own, languages="kk")
    client.force_login(cast.alice)
    data = {
        "title": "Жаңа жарияланым",
        "text_kk": "",
        "text_ru": "Только русский",
        "kind": "informational",
        "direction": "news",
        "audiences": ["members"],
        "language": "kk",
        "accounts": [account.pk],
    }
    response = client.post(reverse("content:publication_create"), data)
    assert response.status_code == 200
    assert "text_kk" in response.context["form"].errors
    assert not Publication.objects.exists()
    data.update(text_kk="Қазақша мәтін")
    response = client.post(reverse("content:publication_create"), data)
    created = Publication.objects.get()
    assert response.url == reverse("content:publication_detail", args=[created.pk])
    assert created.current_version.text_kk == "Қазақша мәтін"
    assert list(created.accounts.all()) == [account]


def test_a_publication_for_an_account_in_another_language_is_refused(client, cast):
    account = OfficialAccountFactory(organization=cast.own, languages="ru")
    client.force_login(cast.alice)
    data = {
        "title": "Т",
        "text_kk": "Мәтін",
        "kind": "informational",
        "direction": "news",
        "audiences": ["members"],
        "language": "kk",
        "accounts": [account.pk],
    }
    response = client.post(reverse("content:publication_create"), data)
    assert "accounts" in response.context["form"].errors
    assert not Publication.objects.exists()


def _jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (800, 600), "red")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (43.0, 15.0, 0.0), 3: "E", 4: (76.0, 54.0, 0.0)}  # GPS IFD
    exif[0x010F] = "Camera maker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def test_a_photo_loses_its_location_and_gets_a_thumbnail(client, cast, posts):
    raw = _jpeg_with_gps()
    assert Image.open(io.BytesIO(raw)).getexif().get(0x010F) == "Camera maker"
    client.force_login(cast.alice)
    upload = SimpleUploadedFile("photo.jpg", raw, content_type="image/jpeg")
    client.post(
        reverse("content:attachment_add", args=[posts["own"].pk]), {"kind": "photo", "file": upload}
    )
    attachment = Attachment.objects.get()
    stored = Image.open(attachment.file.open("rb"))
    assert not stored.getexif()
    assert Image.open(attachment.thumbnail.open("rb")).size[0] <= 320


def test_a_file_that_is_not_what_it_claims_is_refused(client, cast, posts):
    client.force_login(cast.alice)
    fake = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not an image", content_type="image/jpeg")
    response = client.post(
        reverse("content:attachment_add", args=[posts["own"].pk]),
        {"kind": "photo", "file": fake},
        follow=True,
    )
    assert not Attachment.objects.exists()
    assert "error" in response.content.decode() or response.context["messages"]


def test_the_publication_list_keeps_its_query_count(client, cast):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(cast.paula)
    publication(cast.own, cast.alice)
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("content:publications"))
    for _ in range(30):
        publication(cast.child, cast.alice)
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("content:publications"))
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_list_narrows_to_one_organization_and_to_what_needs_attention(client, cast):
    from checklist.models import Checklist  # noqa: F401 - the filter reads checklists

    urgent = publication(cast.own, cast.alice, status=S.PUBLISHED, is_urgent=True, title="Шұғыл")
    plain = publication(cast.own, cast.alice, status=S.PUBLISHED, title="Жай")
    child = publication(cast.child, cast.alice, status=S.PUBLISHED, title="Еншілес")
    client.force_login(cast.charlie)
    url = reverse("content:publications")

    def shown(**params):
        return {p.pk for p in client.get(url, params).context["page"]}

    assert shown(organization=cast.own.pk) == {urgent.pk, plain.pk, child.pk}
    assert shown(organization=cast.own.pk, own="True") == {urgent.pk, plain.pk}
    assert shown(organization=cast.own.pk, own="True", attention="urgent") == {urgent.pk}
    # None of them has a permitted checklist: all are "published without a permitted checklist".
    assert shown(attention="unchecked") == {urgent.pk, plain.pk, child.pk}
    assert client.get(url, {"organization": cast.sibling.pk}).context["form"].errors
