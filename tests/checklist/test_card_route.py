"""Journey 1 in fewer steps (issue 13): the publication page's checklist card asks the lawyer
about the legal items directly, through the checklist's own route step; it is offered only to
who may route (CL8.2) and only while nothing has been routed yet."""

import pytest
from django.template import Context, Template
from django.urls import reverse

from checklist.models import Route
from tests.checklist.factories import ensure_template
from tests.content.factories import publication

pytestmark = pytest.mark.django_db

CARD = Template("{% load checklist_tags %}{% checklist_card version user %}")


@pytest.fixture
def version(cast):
    ensure_template()
    return publication(cast.own, cast.alice).current_version


def card(version, user) -> str:
    return CARD.render(Context({"version": version, "user": user}))


def test_the_administrator_is_asked_on_the_card_and_the_lawyer_chairman_are_not(cast, version):
    assert 'data-testid="card-ask-lawyer"' in card(version, cast.alice)
    assert f'value="{cast.lara.pk}"' in card(version, cast.alice)
    assert 'data-testid="card-ask-lawyer"' not in card(version, cast.lara)
    assert 'data-testid="card-ask-lawyer"' not in card(version, cast.charlie)


def test_the_cards_form_routes_the_legal_items_and_lands_on_the_checklist(client, cast, version):
    client.force_login(cast.alice)
    response = client.post(
        reverse("checklist:route", args=[version.pk]),
        {"lawyer": cast.lara.pk, "scope": "legal", "note": "CL2.5?"},
    )
    assert response.url == reverse("checklist:detail", args=[version.pk])
    routed = Route.objects.filter(lawyer=cast.lara)
    assert routed.exists() and all(r.item.is_legal for r in routed.select_related("item"))
    # Once routed, the card no longer asks.
    assert 'data-testid="card-ask-lawyer"' not in card(version, cast.alice)


def test_a_frozen_version_is_not_offered_the_question(cast, version):
    from django.utils import timezone

    version.frozen_at = timezone.now()
    version.save()
    assert 'data-testid="card-ask-lawyer"' not in card(version, cast.alice)
