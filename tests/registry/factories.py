from datetime import date

import factory
from django.core.files.base import ContentFile
from factory.django import DjangoModelFactory

from registry.models import (
    AccessListEntry,
    AccessListVersion,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    OfficialAccount,
    PasswordRotation,
)
from tests.factories import OrganizationFactory

PDF = b"%PDF-1.4\n%test\n%%EOF\n"
# A real 2×2 image: uploads are opened as images (accounts/files.py), a bare signature is refused.
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x02\x00\x00\x00\x02\x08\x02\x00\x00\x00"
    b"\xfd\xd4\x9as\x00\x00\x00\x16IDATx\x9cc\xfc\xff\xff?\x03\x03\x03\x13\x03\x03\x03\x03"
    b"\x03\x03\x00$\x06\x03\x01\xfc5\xde\x9b\x00\x00\x00\x00IEND\xaeB`\x82"
)


def pdf(name="document.pdf"):
    return ContentFile(PDF, name=name)


class OfficialAccountFactory(DjangoModelFactory):
    class Meta:
        model = OfficialAccount

    organization = factory.SubFactory(OrganizationFactory)
    network = "telegram_channel"
    display_name = factory.Sequence(lambda n: f"Арна {n}")
    url = factory.Sequence(lambda n: f"https://t.me/channel_{n}")
    normalized_url = factory.LazyAttribute(lambda a: a.url.replace("https://", ""))
    languages = "both"
    password_due_on = date(2027, 6, 1)


class CreationDecisionFactory(DjangoModelFactory):
    class Meta:
        model = CreationDecision

    account = factory.SubFactory(OfficialAccountFactory)
    body = "Кәсіподақ комитеті"
    number = "12"
    decided_on = date(2026, 1, 15)
    document = factory.LazyFunction(pdf)


class LogoCheckFactory(DjangoModelFactory):
    class Meta:
        model = LogoCheck

    account = factory.SubFactory(OfficialAccountFactory)
    checked_on = date(2026, 2, 1)
    result = LogoCheck.Result.PASSED
    screenshot = factory.LazyFunction(lambda: ContentFile(PNG, name="logo.png"))


class AppointmentFactory(DjangoModelFactory):
    class Meta:
        model = AdministratorAppointment

    account = factory.SubFactory(OfficialAccountFactory)
    full_name = "Ахметов Ерлан"
    order_number = "5-Б"
    order_date = date(2026, 1, 10)
    order_document = factory.LazyFunction(pdf)
    starts_on = date(2026, 1, 10)


class AccessListFactory(DjangoModelFactory):
    class Meta:
        model = AccessListVersion
        skip_postgeneration_save = True

    account = factory.SubFactory(OfficialAccountFactory)
    number = factory.Sequence(lambda n: n + 1)
    status = AccessListVersion.Status.APPROVED

    @factory.post_generation
    def people(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            AccessListEntry.objects.create(version=obj, full_name="Ахметов Ерлан")


class RotationFactory(DjangoModelFactory):
    class Meta:
        model = PasswordRotation

    account = factory.SubFactory(OfficialAccountFactory)
    rotated_on = date(2026, 6, 1)


def compliant(account):
    """Give an account everything the Regulation asks for, so that no flag shows."""
    CreationDecisionFactory(account=account)
    LogoCheckFactory(account=account)
    AppointmentFactory(account=account)
    AccessListFactory(account=account)
    return account
