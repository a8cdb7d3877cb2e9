"""Issue 10, checklist: when "not applicable" is allowed, and when it needs no comment, is the
template's data (each item's `not_applicable` rule: never / where needed / only without visual
materials), read by the service and the page alike — no section code (CL6) in the code."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from checklist import services
from checklist.models import Answer, NotApplicable, TemplateItem, TemplateVersion
from tests.checklist.factories import add_photo, item

pytestmark = pytest.mark.django_db


@pytest.fixture
def moved_rule(cast):
    """A new template version in which the "only without visual materials" rule sits on CL5.5
    instead of the CL6 items (which are never N/A there)."""
    draft = services.template_copy(template=TemplateVersion.objects.current(), actor=cast.root)
    items = TemplateItem.objects.filter(section__template=draft)
    items.filter(code="CL5.5").update(not_applicable=NotApplicable.WITHOUT_VISUALS)
    items.filter(section__code="CL6").update(not_applicable=NotApplicable.NEVER)
    return services.template_publish(template=draft, actor=cast.root)


def save(version, user, code, value, comment=""):
    return services.answers_save(
        version=version, actor=user, answers={item(code).pk: (value, comment)}
    )


def test_cl6_not_applicable_without_visuals_follows_the_seeded_template(cast, version):
    assert {i.not_applicable for i in TemplateItem.objects.filter(section__code="CL6")} == {
        NotApplicable.WITHOUT_VISUALS
    }
    save(version, cast.alice, "CL6.1", "na")
    assert Answer.objects.get().comment == str(services.NO_VISUALS)


def test_cl6_the_service_reads_the_rule_from_the_template_item_not_the_section(
    cast, version, moved_rule
):
    # CL5.5 now carries the rule: N/A without a comment records why, like CL6 did.
    save(version, cast.alice, "CL5.5", "na")
    assert Answer.objects.get(item__code="CL5.5").comment == str(services.NO_VISUALS)
    # The CL6 items are never N/A in this template, visuals or not.
    with pytest.raises(ValidationError) as error:
        save(version, cast.alice, "CL6.1", "na", "Фото жоқ")
    assert error.value.error_dict[f"item_{item('CL6.1').pk}"][0].code == "not_applicable"


def test_cl6_with_visual_materials_the_moved_rule_refuses_not_applicable(cast, version, moved_rule):
    add_photo(version)
    with pytest.raises(ValidationError):
        save(version, cast.alice, "CL5.5", "na", "Дереккөз қажет емес")
    assert not Answer.objects.exists()


def test_cl6_the_page_offers_not_applicable_as_the_template_says(client, cast, version, moved_rule):
    client.force_login(cast.alice)
    html = client.get(reverse("checklist:detail", args=[version.pk])).content.decode()
    assert 'data-testid="answer-CL5.5-na"' in html
    assert 'data-testid="answer-CL6.1-na"' not in html
    sections = html.split('data-testid="section-')
    cl5 = next(s for s in sections if s.startswith("CL5"))
    cl6 = next(s for s in sections if s.startswith("CL6"))
    assert 'data-testid="na-without-visuals"' in cl5
    assert 'data-testid="na-without-visuals"' not in cl6


def test_cl6_the_page_shows_no_hint_when_the_publication_has_visual_materials(
    client, cast, version
):
    client.force_login(cast.alice)
    url = reverse("checklist:detail", args=[version.pk])
    assert 'data-testid="na-without-visuals"' in client.get(url).content.decode()
    add_photo(version)
    html = client.get(url).content.decode()
    assert 'data-testid="na-without-visuals"' not in html
    assert 'data-testid="answer-CL6.1-na"' not in html
