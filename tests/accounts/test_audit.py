import pytest
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts import audit, services
from accounts.models import AuditEntry, Membership, Organization, Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_an_unregistered_action_name_is_refused(cast):
    with pytest.raises(ImproperlyConfigured):
        audit.record("accounts.organisation.update", actor=cast.root, obj=cast.own)


def test_services_record_who_what_and_the_changes(cast):
    organization = services.organization_create(
        actor=cast.root, parent=cast.own, name_kk="Жаңа", name_ru="Новая", kind="primary"
    )
    services.membership_grant(
        actor=cast.root, user=cast.alice, organization=organization, role=Role.CHAIRMAN
    )
    services.organization_move(actor=cast.root, organization=organization, parent=cast.sibling)
    entries = list(AuditEntry.objects.order_by("id").values_list("action", "actor__username"))
    assert entries == [
        ("accounts.organization.create", "root"),
        ("accounts.membership.create", "root"),
        ("accounts.organization.move", "root"),
    ]
    organization.refresh_from_db()
    assert organization.path.startswith(Organization.objects.get(pk=cast.sibling.pk).path)
    created = AuditEntry.objects.get(action="accounts.organization.create")
    assert created.changes["name_kk"] == [None, "Жаңа"]


def test_only_superusers_manage_the_tree_and_roles(cast):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.organization_create(
            actor=cast.paula, parent=cast.own, name_kk="A", name_ru="A", kind="primary"
        )
    with pytest.raises(PermissionDenied):
        services.membership_grant(
            actor=cast.paula, user=cast.alice, organization=cast.own, role="chairman"
        )
    assert not AuditEntry.objects.exists()


def test_a_role_cannot_be_granted_twice(cast):
    with pytest.raises(ValidationError):
        services.membership_grant(
            actor=cast.root, user=cast.alice, organization=cast.own, role=Role.ADMINISTRATOR
        )
    assert Membership.objects.filter(user=cast.alice).count() == 1


def test_an_organization_cannot_move_into_its_own_subtree(cast):
    with pytest.raises(ValidationError):
        services.organization_move(actor=cast.root, organization=cast.own, parent=cast.child)
    assert not AuditEntry.objects.exists()


def test_a_second_central_committee_is_refused(cast):
    services.organization_create(
        actor=cast.root, parent=None, name_kk="ОК", name_ru="ЦК", kind="central_committee"
    )
    with pytest.raises(ValidationError):
        services.organization_create(
            actor=cast.root, parent=None, name_kk="ОК2", name_ru="ЦК2", kind="central_committee"
        )
    assert Organization.objects.filter(kind="central_committee").count() == 1


def test_chairmen_read_the_trail_of_their_subtree_only(client, cast):
    services.organization_update(actor=cast.root, organization=cast.child, name_kk="Бала")
    services.organization_update(actor=cast.root, organization=cast.sibling, name_kk="Көрші")
    client.force_login(cast.charlie)
    response = client.get(reverse("accounts:audit"))
    assert response.status_code == 200
    assert [e.organization_id for e in response.context["page"]] == [cast.child.pk]
    client.force_login(cast.paula)
    assert len(client.get(reverse("accounts:audit")).context["page"]) == 2


def test_administrators_and_lawyers_may_not_read_the_trail(client, cast):
    for user in (cast.alice, cast.lara):
        client.force_login(user)
        assert client.get(reverse("accounts:audit")).status_code == 403


def test_filtering_the_trail_by_a_foreign_organization_is_404(client, cast):
    client.force_login(cast.charlie)
    url = reverse("accounts:audit")
    assert client.get(url, {"organization": cast.sibling.pk}).status_code == 404
    assert client.get(url, {"organization": "not-a-number"}).status_code == 404
    assert client.get(url, {"organization": cast.child.pk}).status_code == 200


def test_the_trail_uses_the_same_number_of_queries_at_any_size(client, cast):
    client.force_login(cast.paula)
    services.organization_update(actor=cast.root, organization=cast.child, name_kk="0")
    with CaptureQueriesContext(connection) as small:
        client.get(reverse("accounts:audit"))
    for i in range(30):
        actor = UserFactory(is_superuser=True)
        services.organization_update(actor=actor, organization=cast.child, name_kk=str(i + 1))
    with CaptureQueriesContext(connection) as large:
        client.get(reverse("accounts:audit"))
    assert len(large.captured_queries) == len(small.captured_queries)


# --- Issue 10 point 4: the trail reads in the user's language, never as codes -------------


def _entry(model: str, changes: dict, action: str = "accounts.organization.update"):
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType

    return AuditEntry.objects.create(
        action=action,
        content_type=ContentType.objects.get_for_model(apps.get_model(model)),
        object_id="1",
        changes=changes,
    )


def _read(entry, lang: str) -> list[str]:
    from django.utils import translation

    with translation.override(lang):
        return [str(change) for change in audit.readable_changes(entry)]


def test_a_status_change_reads_as_the_states_labels_not_their_codes():
    entry = _entry("content.Publication", {"status": ["draft", "submitted"]})
    assert _read(entry, "kk") == ["Мәртебесі: Жоба → Келісуді күтуде"]
    assert _read(entry, "ru") == ["Статус: Черновик → Ожидает согласования"]


def test_a_checklist_answer_reads_as_the_item_and_the_answer():
    entry = _entry("checklist.Checklist", {"CL2.1": [[None, None], ["yes", ""]]})
    assert _read(entry, "kk") == ["Чек-парақ тармағы 2.1: — → Иә"]
    entry = _entry("checklist.Checklist", {"CL3.2": [["no", "Келісім жоқ"], ["na", "Сурет жоқ"]]})
    assert _read(entry, "ru") == ["Пункт чек-листа 3.2: Нет, Келісім жоқ → Не применимо, Сурет жоқ"]


def test_dates_booleans_and_none_read_in_the_local_format():
    entry = _entry(
        "appeals.Appeal",
        {
            "first_response_due": [None, "2026-11-26"],
            "is_confidential": [False, True],
            "outcome": [None, None],
        },
    )
    assert _read(entry, "kk") == [
        "Алғашқы жауап мерзімі: — → 26.11.2026",
        "Құпия: Жоқ → Иә",
        "Нәтижесі: — → —",
    ]


def test_keys_that_are_not_fields_read_through_their_description():
    entry = _entry("content.ContentPlan", {"status": ["submitted", "approved"]})
    assert _read(entry, "kk") == ["Мәртебесі: Келісуді күтуде → Бекітілген"]
    entry = _entry("accounts.Organization", {"period": [None, "quarter"]})
    assert _read(entry, "ru") == ["Период планирования: — → Квартал"]
    entry = _entry("content.Publication", {"title": ["Ескі", "Жаңа"]})
    assert _read(entry, "kk") == ["Тақырыбы: Ескі → Жаңа"]


def test_a_value_recorded_alone_is_shown_as_the_new_one():
    entry = AuditEntry.objects.create(
        action="reports.metrics.import", changes={"kind": "subscribers", "file": "a.csv"}
    )
    assert _read(entry, "kk") == [
        "Файлдағы деректер: — → Күн бойынша жазылушылар",
        "Файл: — → a.csv",
    ]


def test_a_role_grant_reads_the_roles_name(cast):
    services.membership_grant(
        actor=cast.root, user=cast.alice, organization=cast.sibling, role=Role.CHAIRMAN
    )
    entry = AuditEntry.objects.get(action="accounts.membership.create")
    assert "Рөлі: — → Төраға" in _read(entry, "kk")


def test_the_trail_page_shows_labels_and_no_codes(client, cast):
    from django.contrib.contenttypes.models import ContentType

    from accounts.models import User

    AuditEntry.objects.create(
        action="accounts.user.update",
        organization=cast.child,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(cast.alice.pk),
        changes={"is_active": [True, False], "language": ["kk", "ru"]},
    )
    client.force_login(cast.paula)
    html = client.get(reverse("accounts:audit"), HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert "Белсенді: Иә → Жоқ" in html
    assert "Тіл: Қазақ тілі → Орыс тілі" in html
    assert "is_active" not in html and "True" not in html


def test_audience_codes_read_as_the_regulations_audiences():
    entry = _entry("content.Publication", {"audiences": [["members"], ["members", "workers"]]})
    assert _read(entry, "kk") == [
        "Нысаналы аудитория: кәсіподақ мүшелері → кәсіподақ мүшелері, сала қызметкерлері"
    ]
