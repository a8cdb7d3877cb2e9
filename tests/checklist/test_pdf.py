"""Issue 5, point 6: the printable checklist, laid out like Appendix 1, in Kazakh or Russian."""

import io
import re

import pytest
from django.urls import reverse
from pypdf import PdfReader

from checklist import services
from checklist.models import TemplateItem, TemplateVersion
from tests.checklist.factories import filled
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture
def signed(cast, version):
    filled(version, cast.alice, no=[])
    services.decide(version=version, actor=cast.alice, decision="permitted", password=PASSWORD)
    return version


def pdf_text(client, version, lang) -> str:
    response = client.get(reverse("checklist:pdf", args=[version.pk, lang]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.content))
    return squash("".join(page.extract_text() for page in reader.pages))


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_pdf_holds_every_item_the_decision_and_the_signature_line(client, cast, signed, lang):
    client.force_login(cast.charlie)
    text = pdf_text(client, signed, lang)
    template = TemplateVersion.objects.current()
    for item in TemplateItem.objects.filter(section__template=template):
        assert squash(getattr(item, f"text_{lang}")) in text, item.code
    for section in template.sections.all():
        assert squash(getattr(section, f"title_{lang}")) in text
    assert squash(cast.alice.get_full_name()) in text
    if lang == "kk":
        for words in ("ЧЕК-ПАРАҚ", "Жауапты тұлға", "Қолы", "Күні", "орналастыруға рұқсат етіледі"):
            assert squash(words) in text, words
    else:
        for words in ("ЧЕК-ЛИСТ", "Ответственное лицо", "Подпись", "Дата", "разрешается"):
            assert squash(words) in text, words


def test_the_pdf_is_404_for_another_organization_and_for_an_unknown_language(client, cast, signed):
    client.force_login(cast.sam)
    assert client.get(reverse("checklist:pdf", args=[signed.pk, "kk"])).status_code == 404
    client.force_login(cast.alice)
    assert client.get(reverse("checklist:pdf", args=[signed.pk, "en"])).status_code == 404
