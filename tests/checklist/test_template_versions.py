"""Issue 5, point 1: a superuser publishes a new version of the checklist; checklists already
filled keep the version they were filled against."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from checklist import services
from checklist.models import Checklist, TemplateItem, TemplateVersion
from tests.checklist.factories import filled, publication

pytestmark = pytest.mark.django_db


def test_a_new_version_is_drafted_edited_and_published_and_old_checklists_keep_theirs(
    cast, version
):
    old_checklist = filled(version, cast.alice)
    first = TemplateVersion.objects.current()
    draft = services.template_copy(template=first, actor=cast.root)
    assert TemplateVersion.objects.current() == first  # a draft is not used yet
    TemplateItem.objects.filter(section__template=draft, code="CL5.6").delete()
    section = draft.sections.get(code="CL5")
    TemplateItem.objects.create(
        section=section, code="CL5.7", position=7, text_kk="жаңа талап;", text_ru="новое;"
    )
    TemplateItem.objects.filter(section__template=draft, code="CL2.1").update(text_ru="изм.")
    services.template_publish(template=draft, actor=cast.root)
    assert TemplateVersion.objects.current() == draft
    assert TemplateItem.objects.filter(section__template=draft).count() == 39
    # Old checklists keep their version and wording.
    old_checklist.refresh_from_db()
    assert old_checklist.template == first
    assert first.sections.get(code="CL5").items.filter(code="CL5.6").exists()
    # New checklists are filled against the new one.
    other = publication(cast.own, cast.alice, title="Жаңа")
    checklist, _saved = services.answers_save(
        version=other,
        actor=cast.alice,
        answers={TemplateItem.objects.get(section__template=draft, code="CL5.7").pk: ("yes", "")},
    )
    assert checklist.template == draft


def test_only_a_superuser_manages_versions_and_a_published_one_is_published_once(cast):
    first = TemplateVersion.objects.current()
    with pytest.raises(PermissionDenied):
        services.template_copy(template=first, actor=cast.charlie)
    with pytest.raises(InvalidTransition):
        services.template_publish(template=first, actor=cast.root)


def test_a_version_with_duplicate_codes_is_not_published(cast):
    draft = services.template_copy(template=TemplateVersion.objects.current(), actor=cast.root)
    TemplateItem.objects.filter(section__template=draft, code="CL2.2").update(code="CL2.1")
    with pytest.raises(ValidationError):
        services.template_publish(template=draft, actor=cast.root)
    assert not TemplateVersion.objects.get(pk=draft.pk).is_published
    assert not Checklist.objects.exists()


def test_the_admin_shows_published_versions_read_only(client, cast):
    client.force_login(cast.root)
    first = TemplateVersion.objects.current()
    response = client.get(f"/admin/checklist/templateversion/{first.pk}/change/")
    assert response.status_code == 200
    assert not response.context["has_change_permission"]
