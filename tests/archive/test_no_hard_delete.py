"""Issue 12 point 5: no page and no admin screen deletes a record of the archivable kinds
(appeals, publications with their versions, checklists, official accounts, reports) or its
history. The URLs that still remove something are listed here, each with why it may."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.test import Client, RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from accounts import archive

pytestmark = pytest.mark.django_db

# Every URL of the product whose name or path speaks of removing, with the reason it stays.
ALLOWED = {
    "content:plan_item_delete": "removes an item from a draft or returned content plan (editing "
    "the draft), audited as content.plan.item; refused once publications were prepared for it",
    "content:attachment_remove": "removes a file from the editable version of a draft "
    "publication, audited as content.publication.edit; a frozen (checked) version keeps its "
    "files — the edit starts a new version",
    "appeals:calendar_delete": "a superuser's correction of the working calendar: no record of "
    "the archivable kinds; audited as appeals.calendar.delete",
    "accounts:membership_remove": "withdraws a role: no record of the archivable kinds; "
    "audited as accounts.membership.delete",
}
REMOVING = re.compile(r"delete|remove|destroy|purge|erase|withdraw", re.IGNORECASE)


def patterns(resolver=None, prefix=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace == "admin":
                continue  # the admin: test_the_admin_cannot_delete_an_archivable_record
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            yield from (
                (name, str(entry.pattern) + route) for name, route in patterns(entry, namespace)
            )
        elif isinstance(entry, URLPattern):
            yield f"{prefix}{entry.name or ''}", str(entry.pattern)


def test_no_url_removes_anything_but_the_allowed_ones_each_with_its_reason():
    removing = {name for name, route in patterns() if REMOVING.search(f"{name} {route}")}
    assert removing - ALLOWED.keys() == set(), "archive instead of deleting, or allow it here"
    assert ALLOWED.keys() - removing == set(), "an allowed URL is gone: drop it from the list"


def test_the_admin_cannot_delete_an_archivable_record(cast):
    request = RequestFactory().get("/admin/")
    request.user = cast.root
    for model in archive.archivable_models():
        model_admin = admin.site._registry.get(model)
        if model_admin is None:
            continue  # not in the admin at all: nothing to delete there
        assert not model_admin.has_delete_permission(request), model
        assert "delete_selected" not in model_admin.get_actions(request), model


def test_the_admin_delete_page_of_an_appeal_is_refused(cast):
    from tests.appeals.factories import register

    appeal = register(cast.alice, cast.own)
    client = Client()
    client.force_login(cast.root)
    url = reverse("admin:appeals_appeal_delete", args=[appeal.pk])
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert type(appeal).objects.filter(pk=appeal.pk).exists()


def test_a_plan_item_that_publications_were_made_for_stays_in_the_plan(cast):
    from content import plans
    from content.models import PlanItem
    from tests.content.factories import plan, publication

    content_plan = plan(cast.own, cast.alice)
    item = PlanItem.objects.create(
        plan=content_plan,
        topic="Ұжымдық шарт",
        kind="social",
        direction="partnership",
        audiences=["members"],
        language="kk",
        planned_on=content_plan.starts_on,
    )
    publication(cast.own, cast.alice, plan_item=item)
    from accounts.exceptions import InvalidTransition

    with pytest.raises(InvalidTransition):
        plans.plan_item_delete(actor=cast.alice, item=item)
    assert PlanItem.objects.filter(pk=item.pk).exists()


def test_removing_a_file_keeps_the_checked_versions_materials(cast):
    from content import publications
    from content.models import Attachment
    from tests.checklist.factories import add_photo
    from tests.content.factories import publication

    pub = publication(cast.own, cast.alice, frozen=True)
    photo = add_photo(pub.current_version)
    publications.attachment_remove(actor=cast.alice, attachment=photo)
    pub.refresh_from_db()
    assert Attachment.objects.filter(pk=photo.pk).exists()  # the frozen version keeps it
    assert pub.current_version.number == 2
    assert not pub.current_version.attachments.exists()
