from datetime import date

from content.models import (
    ContentPlan,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
)
from tests.registry.factories import (
    AppointmentFactory,
    CreationDecisionFactory,
    OfficialAccountFactory,
)

DEFAULTS = {
    "kind": "informational",
    "direction": "news",
    "audiences": ["members"],
    "language": "both",
}


def publication(
    organization,
    author,
    *,
    status=PublicationStatus.DRAFT,
    title="Жаңалық",
    account=None,
    frozen=False,
    **fields,
):
    """A publication with one version and one target account, in any state (set directly)."""
    from django.utils import timezone

    fields.setdefault("unplanned_reason", "" if fields.get("plan_item") else "Жедел жаңалық")
    p = Publication.objects.create(
        organization=organization, author=author, status=status, **{**DEFAULTS, **fields}
    )
    v = PublicationVersion.objects.create(
        publication=p,
        number=1,
        title=title,
        text_kk="Мәтін",
        text_ru="Текст",
        created_by=author,
        frozen_at=timezone.now() if frozen else None,
    )
    p.current_version = v
    p.save(update_fields=["current_version"])
    account = account or official_account(organization, administrator=author)
    PublicationTarget.objects.create(publication=p, account=account)
    return p


def official_account(organization, *, administrator=None, decision=True, **fields):
    """An account in the register as the Regulation wants it before anything is published on
    it: created by a decision (R4.2), with `administrator` appointed by order (R4.5)."""
    account = OfficialAccountFactory(organization=organization, **fields)
    if decision:
        CreationDecisionFactory(account=account)
    if administrator is not None:
        AppointmentFactory(account=account, user=administrator, full_name=str(administrator))
    return account


def plan(
    organization,
    author,
    *,
    starts=date(2026, 11, 1),
    ends=date(2026, 11, 30),
    status=ContentPlan.Status.DRAFT,
):
    return ContentPlan.objects.create(
        organization=organization,
        period="month",
        starts_on=starts,
        ends_on=ends,
        status=status,
        created_by=author,
    )
