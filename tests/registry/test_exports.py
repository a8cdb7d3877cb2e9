import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(cast):
    return [
        OfficialAccountFactory(
            organization=cast.own,
            network="instagram",
            display_name="Мектеп ұйымы",
            url="https://instagram.com/mektep_uiymy",
            normalized_url="instagram.com/mektep_uiymy",
        ),
        OfficialAccountFactory(
            organization=cast.child,
            network="telegram_channel",
            display_name="Әділет арнасы",
            url="https://t.me/adilet_kz",
            normalized_url="t.me/adilet_kz",
        ),
        OfficialAccountFactory(
            organization=cast.sibling, display_name="Бөтен", url="https://t.me/other_org"
        ),
    ]


def get(client, user, fmt, **params):
    client.force_login(user)
    response = client.get(reverse("registry:export", args=[fmt]), params)
    assert response.status_code == 200
    return response


def test_csv_lists_the_visible_accounts_numbered(client, cast, register):
    response = get(client, cast.charlie, "csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["№", "Ұйым", "Әлеуметтік желі", "Парақша/Аккаунт атауы"]
    assert [r[0] for r in rows[1:]] == ["1", "2"]
    assert {r[3] for r in rows[1:]} == {"Мектеп ұйымы", "Әділет арнасы"}
    assert "attachment" in response["Content-Disposition"]


def test_xlsx_opens_and_holds_the_same_rows(client, cast, register):
    response = get(client, cast.charlie, "xlsx", lang="ru")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:4] == (
        "№",
        "Организация",
        "Социальная сеть",
        "Наименование страницы/аккаунта",
    )
    assert [v[0] for v in values[1:]] == [1, 2]
    assert values[1][5] == "https://instagram.com/mektep_uiymy"


@pytest.mark.parametrize(
    ("lang", "title", "columns"),
    [
        (
            "kk",
            "Ресми аккаунттардың тізілімі",
            ["Әлеуметтік желі", "Парақша/Аккаунт атауы", "Сілтемесі"],
        ),
        (
            "ru",
            "Реестр официальных аккаунтов",
            ["Социальная сеть", "Наименование страницы/аккаунта", "Ссылка"],
        ),
    ],
)
def test_the_pdf_is_an_official_register_in_either_language(
    client, cast, register, lang, title, columns
):
    response = get(client, cast.charlie, "pdf", lang=lang)
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    # Whitespace only: a long header or link wraps after "/" in its table cell.
    text = " ".join(text.split()).replace("/ ", "/")
    assert title in text
    for column in columns:
        assert column in text
    assert "Мектеп ұйымы" in text and "Әділет арнасы" in text
    assert "https://t.me/adilet_kz" in text
    assert "Бөтен" not in text  # another organization's account never leaks


def test_an_unknown_format_or_language_is_404(client, cast, register):
    client.force_login(cast.charlie)
    assert client.get(reverse("registry:export", args=["doc"])).status_code == 404
    assert client.get(reverse("registry:export", args=["pdf"]), {"lang": "en"}).status_code == 404
