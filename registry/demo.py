"""Demo register: accounts of the demo organizations in every compliance state (journey 5).
Idempotent: an account is looked up by its normalized link."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from accounts.models import Organization, User

from . import links
from .models import (
    AccessListEntry,
    AccessListVersion,
    AccountStatus,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    OfficialAccount,
    PasswordRotation,
    add_months,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

# (organization BIN, network, name, url, languages, state)
ACCOUNTS = [
    (
        "000000000001",
        "telegram_channel",
        "Кәсіподақ | Профсоюз",
        "https://t.me/kasipodaq_demo",
        "both",
        "ok",
    ),
    (
        "000000000001",
        "instagram",
        "kasipodaq.kz",
        "https://www.instagram.com/kasipodaq_demo/",
        "both",
        "ok",
    ),
    (
        "000000000001",
        "youtube",
        "Kasipodaq TV",
        "https://youtube.com/@kasipodaq_demo",
        "kk",
        "no_decision",
    ),
    (
        "000000000010",
        "facebook",
        "Алматы облыстық кәсіподақ",
        "https://facebook.com/almaty.kasipodaq.demo",
        "both",
        "pending_list",
    ),
    (
        "000000000010",
        "telegram_channel",
        "Алматы облысы кәсіподағы",
        "t.me/almaty_kasipodaq_demo",
        "kk",
        "overdue",
    ),
    (
        "000000000011",
        "instagram",
        "Мектеп №3 кәсіподағы",
        "instagram.com/school3_kasipodaq_demo",
        "kk",
        "new",
    ),
    (
        "000000000012",
        "tiktok",
        "Колледж кәсіподағы",
        "https://www.tiktok.com/@college_kasipodaq_demo",
        "ru",
        "no_admin",
    ),
    (
        "000000000020",
        "telegram_channel",
        "Астана кәсіподағы",
        "https://t.me/astana_kasipodaq_demo",
        "both",
        "logo_failed",
    ),
    (
        "000000000021",
        "vk",
        "Гимназия №45 профсоюз",
        "https://vk.com/gym45_demo",
        "ru",
        "closed_target",
    ),
    (
        "000000000022",
        "instagram",
        "ЕҰУ кәсіподағы",
        "https://instagram.com/enu_kasipodaq_demo",
        "both",
        "ok",
    ),
]


def load(stdout) -> int:
    created = 0
    today = timezone.localdate()
    admin = User.objects.filter(is_superuser=True).order_by("pk").first()
    for bin_, network, name, url, languages, state in ACCOUNTS:
        organization = Organization.objects.filter(bin=bin_).first()
        normalized = links.normalize(network, url)
        if (
            organization is None
            or OfficialAccount.objects.filter(normalized_url=normalized).exists()
        ):
            continue
        rotated = today - timedelta(days=400 if state == "overdue" else 120)
        account = OfficialAccount.objects.create(
            organization=organization,
            network=network,
            display_name=name,
            url=links.with_scheme(url),
            normalized_url=normalized,
            languages=languages,
            password_due_on=add_months(rotated, 12),
            status=AccountStatus.CLOSED if state == "closed_target" else AccountStatus.ACTIVE,
            is_publishing_target=True,
            status_changed_on=today - timedelta(days=10) if state == "closed_target" else None,
            status_reason="Аккаунт жабылды" if state == "closed_target" else "",
        )
        created += 1
        PasswordRotation.objects.create(account=account, rotated_on=rotated, recorded_by=admin)
        if state == "new":
            continue  # only registered: every flag shows
        if state != "no_decision":
            CreationDecision.objects.create(
                account=account,
                body="Кәсіподақ комитеті",
                number=f"{account.pk}-Ш",
                decided_on=today - timedelta(days=365),
                recorded_by=admin,
                document=ContentFile(PDF, name="decision.pdf"),
            )
        LogoCheck.objects.create(
            account=account,
            checked_by=admin,
            checked_on=today - timedelta(days=30),
            result=LogoCheck.Result.FAILED if state == "logo_failed" else LogoCheck.Result.PASSED,
            screenshot=ContentFile(PDF, name="logo.pdf"),
            recorded_by=admin,
        )
        administrator = (
            organization.memberships.filter(role="administrator").select_related("user").first()
        )
        if state != "no_admin" and administrator:
            AdministratorAppointment.objects.create(
                account=account,
                user=administrator.user,
                full_name=administrator.user.get_full_name(),
                position=administrator.position,
                order_number=f"{account.pk}-Б",
                order_date=today - timedelta(days=200),
                order_document=ContentFile(PDF, name="order.pdf"),
                starts_on=today - timedelta(days=200),
                recorded_by=admin,
            )
        chairman = organization.memberships.filter(role="chairman").select_related("user").first()
        status = (
            AccessListVersion.Status.PENDING
            if state == "pending_list"
            else AccessListVersion.Status.APPROVED
        )
        version = AccessListVersion.objects.create(
            account=account,
            number=1,
            status=status,
            recorded_by=admin,
            decided_by=chairman.user if chairman and status == "approved" else None,
            decided_at=timezone.now() if status == "approved" else None,
        )
        people = [m.user for m in organization.memberships.select_related("user")[:2]]
        AccessListEntry.objects.bulk_create(
            [AccessListEntry(version=version, user=u, full_name=u.get_full_name()) for u in people]
        )
    return created
