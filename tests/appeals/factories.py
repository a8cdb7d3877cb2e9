"""Factories of the appeals app. `AppealFactory` goes through the registration service, so every
appeal in the tests has its number and due dates computed like in the application."""

from datetime import datetime

from django.utils import timezone

from appeals import services
from appeals.models import Channel, Kind, PrivacyNotice, ProcessingBasis, Topic


def received(y: int, m: int, d: int, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime(y, m, d, hour, 0))


def register(actor, organization, when: datetime | None = None, **fields):
    data = {
        "received_at": when or timezone.now(),
        "channel": Channel.TELEGRAM,
        "channel_account": "@kasipodaq_own",
        "author_name": "Әсел Нұрланқызы",
        "author_contacts": "+7 701 123 45 67",
        "text": "Қосымша сабақтар үшін ақы төленбеді.",
        "kind": Kind.COMPLAINT,
        "topic": Topic.PAY,
        "processing_basis": ProcessingBasis.CONSENT,
        "privacy_notice": PrivacyNotice.REPLY,
    }
    data.update(fields)
    return services.appeal_register(actor=actor, organization=organization, **data)


def official_account(organization, decided_on=None, name="Өз ұйымы Telegram"):
    """A registry account of the organization, with its creation decision when `decided_on`."""
    from datetime import date

    from django.core.files.base import ContentFile

    from registry.models import CreationDecision, OfficialAccount

    account = OfficialAccount.objects.create(
        organization=organization,
        network="telegram_channel",
        display_name=name,
        url=f"https://t.me/{organization.pk}_channel",
        normalized_url=f"t.me/{organization.pk}_channel",
        languages="both",
        password_due_on=date(2027, 6, 1),
    )
    if decided_on:
        CreationDecision.objects.create(
            account=account,
            body="Кәсіподақ комитеті",
            number="5",
            decided_on=decided_on,
            document=ContentFile(b"%PDF-1.4", name="decision.pdf"),
        )
    return account
