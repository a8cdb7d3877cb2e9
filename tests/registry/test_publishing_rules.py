"""Issue 10: what the register answers content when a publication goes out on an official
account — R4.2 (creation decision, active), R4.5 (an administrator appointed by an order on
file), R4.1 (the link belongs to the account's network and host)."""

from datetime import date

import pytest

from accounts.models import Role
from registry import selectors
from registry.models import AccountStatus
from tests.factories import MembershipFactory
from tests.registry.factories import AppointmentFactory, CreationDecisionFactory

pytestmark = pytest.mark.django_db


# R4.2 -----------------------------------------------------------------------------------------


def test_r4_2_an_account_without_a_creation_decision_is_refused(account):
    refusal = selectors.account_publishing_refusal(account)
    assert refusal and account.display_name in refusal
    assert "R4.2" not in refusal  # words, not the rule's ID


@pytest.mark.parametrize("status", [AccountStatus.SUSPENDED, AccountStatus.CLOSED])
def test_r4_2_an_account_that_is_not_active_is_refused(account, status):
    CreationDecisionFactory(account=account)
    account.status = status
    account.save()
    refusal = selectors.account_publishing_refusal(account)
    assert refusal and str(account.get_status_display()) in refusal


def test_r4_2_an_active_account_with_its_decision_on_file_is_accepted(account):
    CreationDecisionFactory(account=account)
    assert selectors.account_publishing_refusal(account) is None


# R4.5 -----------------------------------------------------------------------------------------


def test_r4_5_an_administrator_named_by_an_order_on_file_is_appointed(account, cast, today):
    AppointmentFactory(account=account, user=cast.alice)
    assert selectors.appointed_administrator(cast.alice, account)


def test_r4_5_the_administrator_role_without_an_order_is_not_enough(account, cast, today):
    assert not selectors.appointed_administrator(cast.alice, account)


def test_r4_5_an_order_for_another_account_or_one_that_ended_does_not_count(account, cast, today):
    from tests.registry.factories import OfficialAccountFactory

    other = OfficialAccountFactory(organization=cast.own)
    AppointmentFactory(account=other, user=cast.alice)
    assert not selectors.appointed_administrator(cast.alice, account)
    AppointmentFactory(account=account, user=cast.alice, ends_on=date(2026, 3, 1))
    assert not selectors.appointed_administrator(cast.alice, account)
    AppointmentFactory(account=account, user=cast.alice, starts_on=date(2026, 12, 1))
    assert not selectors.appointed_administrator(cast.alice, account)  # not yet in force


def test_r4_5_an_order_without_the_administrator_role_does_not_count(account, cast, today):
    AppointmentFactory(account=account, user=cast.lara)  # a lawyer of the organization
    assert not selectors.appointed_administrator(cast.lara, account)
    AppointmentFactory(account=account, user=cast.sam)  # an administrator, but of the sibling
    assert not selectors.appointed_administrator(cast.sam, account)


def test_r4_5_the_role_in_a_higher_organization_is_not_the_accounts_administrator(
    account, cast, today
):
    MembershipFactory(user=cast.paula, organization=cast.parent, role=Role.ADMINISTRATOR)
    AppointmentFactory(account=account, user=cast.paula)
    assert not selectors.appointed_administrator(cast.paula, account)


def test_r4_5_the_setting_lets_the_role_alone_suffice(account, cast, today, settings):
    settings.REGISTRY_REQUIRE_APPOINTMENT_ORDER = False
    assert selectors.appointed_administrator(cast.alice, account)
    assert not selectors.appointed_administrator(cast.sam, account)
    assert not selectors.appointed_administrator(cast.charlie, account)


def test_r4_5_the_order_is_required_by_default(account, cast, today, settings):
    assert getattr(settings, "REGISTRY_REQUIRE_APPOINTMENT_ORDER", True) is True
    assert not selectors.appointed_administrator(cast.alice, account)


# R4.1 -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://t.me/own_channel/125",
        "t.me/own_channel/126",
        "https://telegram.me/own_channel/127",
        "https://www.t.me/s/own_channel/128",
    ],
)
def test_r4_1_a_link_of_the_accounts_network_is_accepted(account, url):
    assert selectors.link_refusal(account, url) is None


@pytest.mark.parametrize(
    "url",
    [
        "https://www.instagram.com/p/C0ffee/",
        "https://facebook.com/kasipodaq/posts/1",
        "https://t.me.example.com/own_channel/1",
        "javascript:alert(1)",
        "not a link",
    ],
)
def test_r4_1_a_link_of_another_network_or_host_is_refused(account, url):
    refusal = selectors.link_refusal(account, url)
    assert refusal and account.display_name in refusal


def test_r4_1_an_empty_link_is_refused(account):
    assert selectors.link_refusal(account, "  ")


def test_r4_1_an_instagram_account_takes_instagram_links_only(cast):
    from tests.registry.factories import OfficialAccountFactory

    account = OfficialAccountFactory(
        organization=cast.own, network="instagram", url="https://instagram.com/own"
    )
    assert selectors.link_refusal(account, "https://www.instagram.com/p/C0ffee/") is None
    assert selectors.link_refusal(account, "https://t.me/own/5")


def test_r4_1_an_account_of_another_network_takes_links_of_its_own_host(cast):
    from tests.registry.factories import OfficialAccountFactory

    account = OfficialAccountFactory(
        organization=cast.own, network="other", url="https://kasipodaq.kz/news"
    )
    assert selectors.link_refusal(account, "https://www.kasipodaq.kz/news/2026/1") is None
    assert selectors.link_refusal(account, "https://example.kz/news/1")
