"""Issue 10, object history: an account's history is read by content type and id
(accounts.audit.history_of), so an organization — or anything else — with the same id never
shows in it; its access list steps (recorded on the versions) do."""

from datetime import date

import pytest
from django.urls import reverse

from accounts.models import AuditEntry
from registry import selectors, services
from tests.registry.factories import OfficialAccountFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def same_id_account(cast):
    """An account of "own" whose id is the id of the organization "own" itself."""
    return OfficialAccountFactory(pk=cast.own.pk, organization=cast.own)


def test_an_organization_with_the_same_id_does_not_leak_into_the_accounts_history(
    client, cast, same_id_account, today
):
    account = same_id_account
    services.policy_set(actor=cast.charlie, organization=cast.own, months=6)
    services.rotation_record(actor=cast.alice, account=account, rotated_on=date(2026, 11, 20))
    leaked = AuditEntry.objects.get(action="registry.policy.change")
    assert leaked.object_id == str(account.pk)  # the same id, another model
    # What the page filtered on before (organization and id only) takes the organization's in.
    assert (
        AuditEntry.objects.filter(
            organization=account.organization,
            object_id=str(account.pk),
            action__startswith="registry.",
        ).count()
        == 2
    )
    history = selectors.account_history(account)
    assert [e.action for e in history] == ["registry.rotation.record"]
    client.force_login(cast.charlie)
    response = client.get(reverse("registry:detail", args=[account.pk]))
    assert [e.action for e in response.context["history"]] == ["registry.rotation.record"]


def test_the_accounts_history_shows_its_access_list_steps(account, cast, today):
    version = services.access_list_propose(
        actor=cast.alice, account=account, entries=[{"full_name": "Ахметов Ерлан"}]
    )
    services.access_list_approve(actor=cast.charlie, version=version, comment="Келісемін")
    actions = [e.action for e in selectors.account_history(account)]
    assert actions == ["registry.access_list.approve", "registry.access_list.propose"]
