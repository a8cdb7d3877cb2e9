"""One object of each archivable kind (issue 12 point 5), made the way the other tests make
them, and how each kind is listed, shown and archived through its pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.archive import workflow_for


@dataclass
class Kind:
    name: str
    make: Callable[[Any, Any], Any]  # (cast, organization) -> object
    list_url: str  # URL name
    list_user: str  # the cast member whose list shows the object
    in_list: Callable[[Any], list[int]]  # response -> pks listed
    detail_url: Callable[[Any], str]
    act_url: Callable[[Any, str], str]

    def workflow(self, obj):
        return workflow_for(obj)


def _appeal(cast, organization):
    from tests.appeals.factories import register

    return register(cast.alice if organization == cast.own else cast.sam, organization)


def _publication(cast, organization):
    from tests.content.factories import publication

    return publication(organization, cast.alice if organization == cast.own else cast.sam)


def _checklist(cast, organization):
    from checklist.models import Route
    from tests.checklist.factories import ensure_template, filled, items
    from tests.content.factories import publication

    ensure_template()
    author = cast.alice if organization == cast.own else cast.sam
    lawyer = cast.lara if organization == cast.own else cast.sibling_lawyer
    version = publication(organization, author).current_version
    checklist = filled(version, author)
    # Routed to the lawyer and not yet answered: the lawyer's list ("waiting") shows it.
    Route.objects.create(
        checklist=checklist,
        item=items()[0],
        lawyer=lawyer,
        routed_by=author,
        routed_at=timezone.now(),
    )
    return checklist


def _account(cast, organization):
    from tests.content.factories import official_account

    return official_account(organization)


def _report(cast, organization):
    from reports import services

    return services.report_create(
        actor=cast.root,
        organization=organization,
        starts_on=date(2026, 1, 1),
        ends_on=date(2026, 6, 30),
    )


def _page(response):
    return [o.pk for o in response.context["page"]]


KINDS = {
    "appeal": Kind(
        "appeal",
        _appeal,
        "appeals:list",
        "alice",
        _page,
        lambda o: reverse("appeals:detail", args=[o.pk]),
        lambda o, a: reverse("appeals:step", args=[o.pk, a]),
    ),
    "publication": Kind(
        "publication",
        _publication,
        "content:publications",
        "alice",
        _page,
        lambda o: reverse("content:publication_detail", args=[o.pk]),
        lambda o, a: reverse("content:publication_action", args=[o.pk, a]),
    ),
    "checklist": Kind(
        "checklist",
        _checklist,
        "checklist:waiting",
        "lara",
        lambda r: [c.pk for c in r.context["checklists"]],
        lambda o: reverse("checklist:detail", args=[o.version_id]),
        lambda o, a: reverse("checklist:act", args=[o.version_id, a]),
    ),
    "account": Kind(
        "account",
        _account,
        "registry:list",
        "alice",
        _page,
        lambda o: reverse("registry:detail", args=[o.pk]),
        lambda o, a: reverse("registry:act", args=[o.pk, a]),
    ),
    "report": Kind(
        "report",
        _report,
        "reports:list",
        "alice",
        _page,
        lambda o: reverse("reports:detail", args=[o.pk]),
        lambda o, a: reverse("reports:act", args=[o.pk, a]),
    ),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request) -> Kind:
    return KINDS[request.param]
