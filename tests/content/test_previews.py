"""Issue 13 point 3: each network's limits at their exact boundaries (content/previews.py), and
the guard R6.2-limits that stops submitting, approving and urgent publishing on every path (the
service and the page) while a network would refuse the post."""

import io

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from accounts.exceptions import InvalidTransition
from content import previews, services
from content.models import Attachment, PublicationStatus
from content.workflows import publication_workflow
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, publication

pytestmark = pytest.mark.django_db
S = PublicationStatus

URLS = {
    "telegram_channel": "https://t.me/limits_{n}",
    "instagram": "https://instagram.com/limits_{n}",
    "facebook": "https://facebook.com/limits_{n}",
    "tiktok": "https://tiktok.com/@limits_{n}",
    "youtube": "https://youtube.com/@limits_{n}",
    "vk": "https://vk.com/limits_{n}",
}
_counter = iter(range(10_000))


@pytest.fixture(autouse=True)
def appendix_1(db):
    return ensure_template()


def account(cast, network, languages="both"):
    n = next(_counter)
    url = URLS[network].format(n=n)
    return official_account(
        cast.own,
        administrator=cast.alice,
        network=network,
        url=url,
        normalized_url=url.replace("https://", ""),
        languages=languages,
        display_name=f"{network} {n}",
    )


def post(cast, network, text="", title="Жаңалық", language="kk", **fields):
    target = account(cast, network)
    p = publication(cast.own, cast.alice, account=target, title=title, language=language, **fields)
    version = p.current_version
    version.text_kk, version.text_ru = text, ""
    version.save()
    return p, target


def image(width, height) -> ContentFile:
    out = io.BytesIO()
    Image.new("RGB", (width, height), "white").save(out, format="PNG")
    return ContentFile(out.getvalue(), name="picture.png")


def attach(p, width=100, height=100, kind="photo"):
    return Attachment.objects.create(
        version=p.current_version, kind=kind, file=image(width, height), original_name="p.png"
    )


def codes(p, target):
    return [x.code for x in previews.check(p.current_version, target) if x.blocking]


# The limits, at their boundaries --------------------------------------------------------------


@pytest.mark.parametrize(
    ("network", "limit", "code"),
    [
        ("telegram_channel", 4096, "text"),
        ("instagram", 2200, "text"),
        ("facebook", 63206, "text"),
        ("tiktok", 2200, "text"),
        ("youtube", 5000, "description"),
        ("vk", 15895, "text"),
    ],
)
def test_r6_2_text_limits_at_the_boundary(cast, network, limit, code):
    p, target = post(cast, network, "а" * limit)
    assert codes(p, target) == []
    counter = next(
        c for c in previews.preview(p.current_version, target).counters if c.code == code
    )
    assert (counter.code, counter.value, counter.limit) == (code, limit, limit)
    p.current_version.text_kk += "б"
    assert codes(p, target) == [code]


def test_r6_2_telegram_takes_1024_characters_under_a_photo(cast):
    p, target = post(cast, "telegram_channel", "а" * 1024)
    attach(p)
    assert codes(p, target) == []
    p, target = post(cast, "telegram_channel", "а" * 1025)
    attach(p)
    assert codes(p, target) == ["caption"]


def test_r6_2_youtube_title_takes_100_characters(cast):
    p, target = post(cast, "youtube", "Видео", title="а" * 100)
    assert codes(p, target) == []
    p.current_version.title = "а" * 101
    assert codes(p, target) == ["title"]


def test_r6_2_instagram_takes_30_hashtags_not_31(cast):
    tags = " ".join(f"#тег{n}" for n in range(30))
    p, target = post(cast, "instagram", f"Мәтін {tags}")
    assert codes(p, target) == []
    assert previews.hashtag_count(p.current_version.text_kk) == 30
    p.current_version.text_kk += " #артық"
    assert codes(p, target) == ["hashtags"]
    # A "#" inside a word or a repeated "##" is not another hashtag.
    assert previews.hashtag_count("a#b ##c #d#e") == 1


@pytest.mark.parametrize(
    ("width", "height", "refused"),
    [(79, 100, True), (80, 100, False), (100, 100, False), (191, 100, False), (192, 100, True)],
)
def test_r6_2_instagram_image_ratio_from_4_5_to_1_91(cast, width, height, refused):
    p, target = post(cast, "instagram", "Мәтін")
    attach(p, width, height)
    assert codes(p, target) == (["ratio"] if refused else [])
    card = previews.preview(p.current_version, target)
    assert (card.image.width, card.image.height) == (width, height)


def test_the_ratio_is_read_from_the_image_not_its_name(cast):
    p, target = post(cast, "instagram", "Мәтін")
    stored = image(300, 100)
    stored.name = "square.jpg"  # the name says nothing; the header does
    Attachment.objects.create(
        version=p.current_version, kind="photo", file=stored, original_name="square.jpg"
    )
    assert codes(p, target) == ["ratio"]


def test_a_pdf_infographic_has_no_ratio_and_is_not_refused(cast):
    p, target = post(cast, "instagram", "Мәтін")
    Attachment.objects.create(
        version=p.current_version,
        kind="infographic",
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="i.pdf"),
        original_name="i.pdf",
    )
    assert codes(p, target) == []
    assert previews.preview(p.current_version, target).image is None


def test_the_preview_shows_the_text_in_the_accounts_language(cast):
    target = account(cast, "telegram_channel", languages="kk")
    p = publication(cast.own, cast.alice, account=target, language="both")
    card = previews.preview(p.current_version, target)
    assert (card.text, card.language) == ("Мәтін", "kk")
    both = account(cast, "vk")
    card = previews.preview(p.current_version, both)
    assert (card.text, card.language) == ("Мәтін\n\nТекст", "")


def test_counters_read_as_value_over_limit(cast):
    p, target = post(cast, "instagram", "а" * 1234)
    with translation.override("en"):
        counter = previews.preview(p.current_version, target).counters[0]
        assert counter.text == "1,234 / 2,200"
        assert counter.label == "Text"


def test_line_ends_count_once_as_the_browser_shows_them(cast):
    p, target = post(cast, "telegram_channel", "а\r\nб")
    assert previews.preview(p.current_version, target).counters[0].value == 3


# The guard on every path ----------------------------------------------------------------------


def refused(call):
    with pytest.raises(InvalidTransition) as caught:
        call()
    assert caught.value.rule == "R6.2"
    return str(caught.value.message)


def test_r6_2_limits_blocks_submitting_through_the_service(cast):
    p, target = post(cast, "instagram", "а" * 2201)
    completed(p.current_version, cast.alice)
    with translation.override("en"):
        message = refused(lambda: services.publication_submit(actor=cast.alice, publication=p))
    assert "Instagram" in message and "2,200" in message and target.display_name in message
    p.refresh_from_db()
    assert p.status == S.DRAFT


def test_r6_2_limits_blocks_submitting_from_the_page(client, cast):
    p, target = post(cast, "vk", "а" * 15896)
    completed(p.current_version, cast.alice)
    client.force_login(cast.alice)
    with translation.override("en"):
        page = client.get(
            reverse("content:publication_detail", args=[p.pk]), HTTP_ACCEPT_LANGUAGE="en"
        )
    assert page.status_code == 200
    assert b'data-testid="previews-blocked"' in page.content
    submit = next(
        a for a in publication_workflow.available_actions(cast.alice, p) if a.name == "submit"
    )
    assert not submit.enabled and "15" in str(submit.reason)
    response = client.post(reverse("content:publication_action", args=[p.pk, "submit"]))
    assert response.status_code == 302
    p.refresh_from_db()
    assert p.status == S.DRAFT


def test_r6_2_limits_blocks_the_approval(cast):
    p, _target = post(cast, "tiktok", "а" * 2201, status=S.SUBMITTED)
    completed(p.current_version, cast.alice)
    refused(
        lambda: services.publication_approve(
            actor=cast.charlie, publication=p, version_number=p.current_version.number
        )
    )
    p.refresh_from_db()
    assert p.status == S.SUBMITTED and p.approved_by_id is None


def test_r6_2_limits_blocks_urgent_publishing(cast):
    p, target = post(cast, "youtube", "Видео", title="а" * 101, is_urgent=True)
    completed(p.current_version, cast.alice)
    link = f"{target.url}/watch"
    refused(
        lambda: services.publication_publish_urgent(
            actor=cast.alice, publication=p, links={target.pk: link}, reason="Бүгін"
        )
    )
    p.refresh_from_db()
    assert p.status == S.DRAFT


def test_a_post_within_every_limit_is_submitted(cast):
    p, _target = post(cast, "instagram", "Мәтін #кәсіподақ")
    attach(p, 100, 125)
    completed(p.current_version, cast.alice)
    services.publication_submit(actor=cast.alice, publication=p)
    p.refresh_from_db()
    assert p.status == S.SUBMITTED
