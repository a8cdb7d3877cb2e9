from datetime import date, datetime
from zoneinfo import ZoneInfo

from content.models import PublicationTarget
from tests.content.factories import publication

ALMATY = ZoneInfo("Asia/Almaty")
H1 = (date(2026, 1, 1), date(2026, 6, 30))


def published(organization, author, day, *, kind="informational", account=None, **fields):
    """A publication published at noon on `day` (a (y, m, d) tuple)."""
    return publication(
        organization,
        author,
        status="published",
        published_at=datetime(*day, 12, 0, tzinfo=ALMATY),
        kind=kind,
        account=account,
        **fields,
    )


def target_of(pub, post_url):
    target = PublicationTarget.objects.get(publication=pub)
    target.post_url = post_url
    target.save()
    return target
