from datetime import date

from content.models import (
    ContentPlan,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
)
from tests.registry.factories import OfficialAccountFactory

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
    account = account or OfficialAccountFactory(organization=organization)
    PublicationTarget.objects.create(publication=p, account=account)
    return p


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
