"""Issue 5, point 2: filling the checklist — yes / no / not applicable with the rules of each."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry
from checklist import services
from checklist.models import Answer, Checklist, TemplateVersion
from content.models import PublicationVersion
from tests.checklist.factories import add_photo, all_yes, completed, item

pytestmark = pytest.mark.django_db


def save(version, user, **answers):
    """answers: code=(value, comment)"""
    return services.answers_save(
        version=version,
        actor=user,
        answers={item(code.replace("_", ".")).pk: v for code, v in answers.items()},
    )


def test_the_first_answer_starts_a_checklist_against_the_current_template(cast, version):
    checklist, saved = save(version, cast.alice, CL2_1=("yes", ""))
    assert checklist.template == TemplateVersion.objects.current()
    assert checklist.status == Checklist.Status.IN_PROGRESS
    answer = saved[0]
    assert (answer.value, answer.answered_by, answer.answered_at is not None) == (
        "yes",
        cast.alice,
        True,
    )
    assert AuditEntry.objects.filter(action="checklist.answer").count() == 1


def test_progress_survives_between_saves_and_an_answer_can_be_changed(cast, version):
    save(version, cast.alice, CL2_1=("yes", ""), CL2_2=("yes", ""))
    save(version, cast.alice, CL2_2=("no", "Дерек көзі жоқ"))
    values = dict(Answer.objects.values_list("item__code", "value"))
    assert values == {"CL2.1": "yes", "CL2.2": "no"}


@pytest.mark.parametrize("value", ["no", "na"])
def test_a_no_or_not_applicable_without_a_comment_is_refused_and_nothing_is_saved(
    cast, version, value
):
    with pytest.raises(ValidationError) as error:
        save(version, cast.alice, CL2_1=("yes", ""), CL2_3=(value, "  "))
    assert error.value.error_dict[f"item_{item('CL2.3').pk}"][0].code == "comment"
    assert not Answer.objects.exists()


def test_not_applicable_is_refused_on_an_item_that_does_not_allow_it(cast, version):
    with pytest.raises(ValidationError) as error:
        save(version, cast.alice, CL2_1=("na", "Қатысы жоқ"))
    assert "CL2.1" in str(error.value)
    assert not Answer.objects.exists()


@pytest.mark.parametrize("code", ["CL2.3", "CL5.5", "CL8.2"])
def test_where_needed_items_may_be_not_applicable_with_a_comment(cast, version, code):
    save(version, cast.alice, **{code.replace(".", "_"): ("na", "Қажет емес")})
    assert Answer.objects.get().value == "na"


def test_visual_items_offer_not_applicable_only_when_there_are_no_visual_materials(cast, version):
    # No photos: N/A without a comment records why.
    save(version, cast.alice, CL6_1=("na", ""))
    assert Answer.objects.get().comment == "Жарияланымда көрнекі материалдар жоқ."
    add_photo(version)
    with pytest.raises(ValidationError):
        save(version, cast.alice, CL6_2=("na", "Фото бар"))


def test_another_organizations_administrator_cannot_answer(cast, version):
    with pytest.raises(PermissionDenied):
        save(version, cast.sam, CL2_1=("yes", ""))
    assert not Checklist.objects.exists()


@pytest.mark.parametrize("who", ["charlie", "paula", "lara"])
def test_chairmen_and_unrouted_lawyers_do_not_fill_the_checklist(cast, version, who):
    with pytest.raises((PermissionDenied, ValidationError)):
        save(version, getattr(cast, who), CL2_1=("yes", ""))
    assert not Answer.objects.exists()


def test_nothing_changes_after_the_checklist_is_completed(cast, version):
    completed(version, cast.alice)
    with pytest.raises(InvalidTransition) as error:
        save(version, cast.alice, CL2_1=("no", "Кеш"))
    assert error.value.message == services.FROZEN
    assert not Answer.objects.filter(value="no").exists()


def test_an_earlier_version_can_no_longer_be_changed(cast, version):
    newer = PublicationVersion.objects.create(
        publication=version.publication, number=2, title="v2", created_by=cast.alice
    )
    version.publication.current_version = newer
    version.publication.save()
    with pytest.raises(InvalidTransition):
        save(version, cast.alice, CL2_1=("yes", ""))


def test_the_whole_checklist_can_be_answered_in_one_save(cast, version):
    checklist, saved = services.answers_save(version=version, actor=cast.alice, answers=all_yes())
    assert len(saved) == 39 == checklist.answers.count()
