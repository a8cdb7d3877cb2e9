"""The Regulation's rules on every path of a publication: each test is named by the rule it
holds and would pass a publication that breaks it on the code before the transition engine."""

from datetime import date

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accounts.exceptions import InvalidTransition
from accounts.models import Role
from content import services
from content.models import PublicationStatus
from content.workflows import publication_workflow
from registry.models import AccountStatus
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, plan, publication
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db
S = PublicationStatus


@pytest.fixture(autouse=True)
def appendix_1(db):
    """The seeded checklist (a transactional test elsewhere may have flushed it)."""
    return ensure_template()


def urgent(cast, **fields):
    """An urgent draft of alice's with its checklist permitted (CL1)."""
    p = publication(cast.own, cast.alice, is_urgent=True, **fields)
    completed(p.current_version, cast.alice)
    return p


def publish_urgent(actor, p, account_link="https://t.me/channel_x/1"):
    target = p.targets.get()
    link = account_link.replace("channel_x", target.account.url.rsplit("/", 1)[1])
    return services.publication_publish_urgent(
        actor=actor, publication=p, links={target.account_id: link}, reason="Бүгін кешке"
    )


def refused(rule, call):
    with pytest.raises(InvalidTransition) as caught:
        call()
    assert caught.value.rule == rule, caught.value.message
    return caught.value


@pytest.fixture
def crisis(cast):
    return services.crisis_declare(
        actor=cast.paula,
        organization=cast.parent,
        title="Жалақы дауы",
        agreed_position="Тек расталған деректер.",
        working_group=[cast.lara],
    )


# CL1, R6.3, R6.4: the urgent path skips only the head's prior approval ---------------------------


def test_cl1_an_urgent_message_needs_a_permitted_checklist_before_it_goes_out(cast):
    p = publication(cast.own, cast.alice, is_urgent=True)
    refused("CL1", lambda: publish_urgent(cast.alice, p))
    p.refresh_from_db()
    assert p.status == S.DRAFT
    completed(p.current_version, cast.alice)
    publish_urgent(cast.alice, p)
    p.refresh_from_db()
    assert p.status == S.PUBLISHED


def test_r6_3_an_official_statement_never_takes_the_urgent_path(cast):
    p = urgent(cast, is_official_statement=True)
    refused("R6.3", lambda: publish_urgent(cast.alice, p))
    assert not any(
        a.name == "publish_urgent" and a.enabled
        for a in publication_workflow.available_actions(cast.alice, p)
    )


def test_r6_4_only_a_publication_marked_urgent_skips_approval(cast):
    p = publication(cast.own, cast.alice)
    completed(p.current_version, cast.alice)
    refused("R6.4", lambda: publish_urgent(cast.alice, p))


def test_r10_2_an_urgent_message_in_a_crisis_needs_the_note_and_the_working_group(cast, crisis):
    p = urgent(cast)
    refused("R10.2", lambda: publish_urgent(cast.alice, p))
    p.crisis_position_note = "Тек расталған деректер келтірілді."
    p.save()
    refused("R10.2", lambda: publish_urgent(cast.alice, p))
    # lara, a working-group member, approves it for the group; alice may then publish.
    services.publication_crisis_confirm(actor=cast.lara, publication=p)
    publish_urgent(cast.alice, p)
    p.refresh_from_db()
    assert (p.status, p.crisis, p.crisis_approved_by) == (S.PUBLISHED, crisis, cast.lara)


def test_r10_2_a_working_group_member_may_publish_the_urgent_message_themself(cast):
    crisis = services.crisis_declare(
        actor=cast.paula,
        organization=cast.parent,
        title="Дау",
        agreed_position="Ұстаным",
        working_group=[cast.alice],
    )
    p = urgent(cast, crisis_position_note="Ұстанымға сай.")
    publish_urgent(cast.alice, p)
    p.refresh_from_db()
    assert (p.crisis, p.crisis_approved_by) == (crisis, cast.alice)


# R10.2: a publication approved before the crisis --------------------------------------------------


def test_r10_2_a_publication_approved_before_the_crisis_needs_the_group_before_it_goes_out(
    cast,
):
    p = publication(cast.own, cast.alice, status=S.APPROVED, frozen=True)
    services.crisis_declare(
        actor=cast.paula,
        organization=cast.parent,
        title="Дау",
        agreed_position="Ұстаным",
        working_group=[cast.lara],
    )
    target = p.targets.get()
    links = {target.account_id: target.account.url + "/7"}
    refused(
        "R10.2",
        lambda: services.publication_publish(actor=cast.alice, publication=p, links=links),
    )
    offered = {a.name for a in publication_workflow.available_actions(cast.lara, p)}
    assert "crisis_confirm" in offered
    services.publication_crisis_confirm(
        actor=cast.lara, publication=p, note="Ұстанымға сай келеді."
    )
    services.publication_publish(actor=cast.alice, publication=p, links=links)
    p.refresh_from_db()
    assert p.status == S.PUBLISHED and p.crisis_approved_by == cast.lara


def test_r10_2_the_crisis_page_opens_for_everyone_in_the_subtree(cast, client, crisis):
    below = UserFactory(username="child_admin")
    MembershipFactory(user=below, organization=cast.child, role=Role.ADMINISTRATOR)
    outsider = UserFactory(username="outsider")
    MembershipFactory(user=outsider, organization=OrganizationFactory(), role=Role.CHAIRMAN)
    url = reverse("content:crisis_detail", args=[crisis.pk])
    for user, expected in ((below, 200), (cast.alice, 200), (cast.sam, 200), (outsider, 404)):
        client.force_login(user)
        assert client.get(url).status_code == expected, user.username
    client.force_login(below)
    assert crisis.title in client.get(reverse("content:crises")).content.decode()


def test_r10_1_a_chairman_of_several_organizations_chooses_which_declares(cast, client):
    MembershipFactory(user=cast.charlie, organization=cast.sibling, role=Role.CHAIRMAN)
    client.force_login(cast.charlie)
    page = client.get(reverse("content:crisis_declare"))
    assert page.status_code == 200
    assert 'data-testid="choose-organization"' in page.content.decode()
    url = reverse("content:crisis_declare") + f"?organization={cast.sibling.pk}"
    response = client.post(
        url,
        {"title": "Дау", "agreed_position": "Ұстаным", "working_group": [cast.sam.pk]},
    )
    assert response.status_code == 302
    assert services.active_crisis_for(cast.sibling).organization == cast.sibling
    assert services.active_crisis_for(cast.own) is None
    other = reverse("content:crisis_declare") + f"?organization={cast.parent.pk}"
    assert client.get(other).status_code == 404


# R4.1, R4.2, R4.5: the accounts it goes to, and who records it ---------------------------------


def test_r4_2_publishing_to_an_account_without_a_creation_decision_is_refused(cast):
    account = official_account(cast.own, administrator=cast.alice, decision=False)
    p = urgent(cast, account=account)
    refused("R4.2", lambda: publish_urgent(cast.alice, p))


def test_r4_2_publishing_to_an_account_that_is_not_active_is_refused(cast):
    p = publication(cast.own, cast.alice, status=S.APPROVED, frozen=True)
    target = p.targets.get()
    target.account.status = AccountStatus.SUSPENDED
    target.account.save()
    refused(
        "R4.2",
        lambda: services.publication_publish(
            actor=cast.alice, publication=p, links={target.account_id: target.account.url + "/1"}
        ),
    )


def test_r4_5_only_an_administrator_appointed_by_order_records_the_publication(cast):
    account = official_account(cast.own)  # decision on file, nobody appointed
    p = publication(cast.own, cast.alice, status=S.APPROVED, frozen=True, account=account)
    links = {account.pk: account.url + "/5"}
    error = refused(
        "R4.5",
        lambda: services.publication_publish(actor=cast.alice, publication=p, links=links),
    )
    assert account.display_name in str(error.message)
    with override_settings(REGISTRY_REQUIRE_APPOINTMENT_ORDER=False):
        services.publication_publish(actor=cast.alice, publication=p, links=links)
    p.refresh_from_db()
    assert p.status == S.PUBLISHED


def test_r4_1_a_link_of_another_network_is_refused(cast):
    p = publication(cast.own, cast.alice, status=S.APPROVED, frozen=True)
    target = p.targets.get()  # a Telegram channel
    refused(
        "R4.1",
        lambda: services.publication_publish(
            actor=cast.alice,
            publication=p,
            links={target.account_id: "https://www.instagram.com/p/abc/"},
        ),
    )
    p.refresh_from_db()
    assert p.status == S.APPROVED and not p.targets.get().post_url


# R6.1: the content plan ---------------------------------------------------------------------------


def test_r6_1_a_publication_from_a_plan_item_carries_its_date_type_topic_and_audience(cast):
    from content.models import PlanItem

    content_plan = plan(cast.own, cast.alice, status="approved")
    account = official_account(cast.own, administrator=cast.alice)
    item = PlanItem.objects.create(
        plan=content_plan,
        topic="Ұжымдық шарт туралы түсіндірме",
        kind="legal",
        direction="law_explained",
        audiences=["employers"],
        language="kk",
        planned_on=date(2026, 11, 20),
    )
    p = services.publication_create(
        actor=cast.alice,
        organization=cast.own,
        accounts=[account],
        plan_item=item,
        title="",
        text_kk="Мәтін",
        kind="informational",
        direction="news",
        audiences=["members"],
        language="kk",
    )
    assert (p.kind, p.direction, p.audiences, p.language) == (
        "legal",
        "law_explained",
        ["employers"],
        "kk",
    )
    assert p.title == item.topic
    assert timezone.localtime(p.planned_at).date() == item.planned_on


def test_r6_1_a_publication_outside_the_plan_needs_a_stated_reason(cast):
    p = publication(cast.own, cast.alice, unplanned_reason="")
    completed(p.current_version, cast.alice)
    refused("R6.1", lambda: services.publication_submit(actor=cast.alice, publication=p))
    p.unplanned_reason = "Шұғыл оқиға"
    p.save()
    services.publication_submit(actor=cast.alice, publication=p)
    p.refresh_from_db()
    assert p.status == S.SUBMITTED


# The engine: pages show what the table and the guards allow ---------------------------------------


def test_the_publication_page_offers_exactly_the_workflow_s_actions(cast, client):
    p = publication(cast.own, cast.alice, status=S.SUBMITTED, frozen=True)
    client.force_login(cast.charlie)
    page = client.get(reverse("content:publication_detail", args=[p.pk]))
    offered = [a.name for a in page.context["actions"]]
    assert offered == [a.name for a in publication_workflow.available_actions(cast.charlie, p)]
    # "archive": the chairman's, in every state (issue 12 point 5, accounts.archive).
    assert set(offered) == {"approve", "return", "prohibit", "archive"}
    html = page.content.decode()
    assert 'data-testid="action-approve"' in html and 'data-testid="action-submit"' not in html
    client.force_login(cast.alice)
    page = client.get(reverse("content:publication_detail", args=[p.pk]))
    assert [a.name for a in page.context["actions"]] == ["recall"]


def test_a_refused_action_is_shown_disabled_with_the_reason_in_words(cast, client):
    p = publication(cast.own, cast.alice)  # no checklist yet
    client.force_login(cast.alice)
    html = client.get(reverse("content:publication_detail", args=[p.pk])).content.decode()
    assert 'data-testid="why-submit"' in html
    assert "CL1" not in html.split('data-testid="why-submit"')[1].split("</div>")[0]


def test_an_action_posted_around_the_page_is_still_refused(cast, client):
    p = publication(cast.own, cast.alice)
    client.force_login(cast.alice)
    url = reverse("content:publication_action", args=[p.pk, "submit"])
    assert client.post(url).status_code == 302
    p.refresh_from_db()
    assert p.status == S.DRAFT
    internal = reverse("content:publication_action", args=[p.pk, "checklist_prohibit"])
    assert client.post(internal).status_code == 404
    unknown = reverse("content:publication_action", args=[p.pk, "teleport"])
    assert client.post(unknown).status_code == 404


def test_every_step_is_written_to_the_object_s_own_history(cast):
    from accounts import audit

    p = urgent(cast)
    publish_urgent(cast.alice, p)
    services.publication_withdraw(actor=cast.alice, publication=p, reason="Қате")
    entries = list(audit.history_of(p))
    assert [e.action for e in entries[:2]] == [
        "content.publication.withdraw",
        "content.publication.publish_urgent",
    ]
    assert entries[0].changes["status"] == ["published", "withdrawn"]
    assert entries[0].comment == "Қате"


def test_r6_4_a_publication_not_marked_urgent_is_not_offered_the_urgent_path(cast):
    p = publication(cast.own, cast.alice)
    offered = {a.name for a in publication_workflow.available_actions(cast.alice, p)}
    assert "publish_urgent" not in offered and "submit" in offered
    urgent_one = publication(cast.own, cast.alice, is_urgent=True)  # no checklist yet
    (action,) = [
        a
        for a in publication_workflow.available_actions(cast.alice, urgent_one)
        if a.name == "publish_urgent"
    ]
    assert not action.enabled and action.rule == "CL1"
