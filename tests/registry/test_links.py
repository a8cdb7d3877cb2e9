import pytest
from django.core.exceptions import ValidationError

from registry.links import normalize


@pytest.mark.parametrize(
    ("network", "raw", "expected"),
    [
        ("instagram", "https://www.instagram.com/Foo/", "instagram.com/foo"),
        ("instagram", "instagram.com/foo", "instagram.com/foo"),
        ("instagram", "http://m.instagram.com/foo?igsh=abc", "instagram.com/foo"),
        ("instagram", "https://www.instagram.com/foo/reels/", "instagram.com/foo"),
        ("telegram_channel", "https://t.me/s/Kasipodaq", "t.me/kasipodaq"),
        ("telegram_channel", "telegram.me/kasipodaq", "t.me/kasipodaq"),
        ("telegram_group", "https://t.me/+AbCdEf", "t.me/+AbCdEf"),
        ("facebook", "https://web.facebook.com/Kasipodaq.KZ/", "facebook.com/kasipodaq.kz"),
        (
            "facebook",
            "https://facebook.com/profile.php?id=100012345",
            "facebook.com/profile.php?id=100012345",
        ),
        ("youtube", "https://www.youtube.com/@Kasipodaq", "youtube.com/@kasipodaq"),
        ("youtube", "https://youtube.com/channel/UCaBc123/videos", "youtube.com/channel/UCaBc123"),
        ("tiktok", "https://www.tiktok.com/@Kasipodaq", "tiktok.com/@kasipodaq"),
        ("vk", "https://vk.ru/Kasipodaq", "vk.com/kasipodaq"),
        ("x", "https://twitter.com/Kasipodaq", "x.com/kasipodaq"),
        ("threads", "https://www.threads.net/@kasipodaq", "threads.net/@kasipodaq"),
        (
            "whatsapp_channel",
            "https://whatsapp.com/channel/0029VaAbC",
            "whatsapp.com/channel/0029VaAbC",
        ),
        ("other", "https://Kasipodaq.kz/news/", "kasipodaq.kz/news"),
    ],
)
def test_links_of_one_account_normalize_to_one_form(network, raw, expected):
    assert normalize(network, raw) == expected


@pytest.mark.parametrize(
    ("network", "raw", "code"),
    [
        ("instagram", "https://t.me/kasipodaq", "wrong_network"),
        ("instagram", "https://instagram.com/", "no_account"),
        ("telegram_channel", "", "required"),
        ("other", "not a link", "invalid"),
        ("instagram", "ftp://instagram.com/foo", "invalid"),
    ],
)
def test_malformed_links_are_refused_with_a_reason(network, raw, code):
    with pytest.raises(ValidationError) as error:
        normalize(network, raw)
    assert error.value.code == code
