"""Demo appeals for `manage.py load_demo`: one or more in every state, overdue ones included,
in the demo school and college (accounts/management/commands/load_demo.py). Idempotent: an
appeal is looked up by its organization and its author's name and created only when missing.
Dates are relative to today, so the demo always shows something due soon and something late."""

from datetime import datetime, time

from django.db import transaction
from django.utils import timezone

from accounts.models import Organization, User

from . import services, workdays
from .models import (
    Appeal,
    Channel,
    Kind,
    Outcome,
    PrivacyNotice,
    ProcessingBasis,
    ResponseChannel,
    Topic,
)

# (organization BIN, author, working days ago received, kind, topic, final state, text)
DEMO = [
    (
        "000000000011",
        "Гүлмира Сапарова",
        1,
        Kind.COMPLAINT,
        Topic.PAY,
        "registered",
        "Қосымша сабақтар үшін үш ай бойы ақы төленбеді.",
    ),
    (
        "000000000011",
        "Ерлан Қайратұлы",
        6,
        Kind.APPLICATION,
        Topic.LABOUR_RIGHTS,
        "registered",
        "Прошу разъяснить порядок предоставления учебного отпуска.",
    ),
    (
        "000000000011",
        "Мадина Оспанова",
        8,
        Kind.INFORMATION_REQUEST,
        Topic.SOCIAL_SUPPORT,
        "first_response_given",
        "Материалдық көмек алу үшін қандай құжаттар қажет?",
    ),
    (
        "000000000011",
        "Игорь Ким",
        18,
        Kind.COMPLAINT,
        Topic.PAY,
        "in_work",
        "Не выплачена надбавка за классное руководство за сентябрь.",
    ),
    (
        "000000000012",
        "Айжан Бекова",
        4,
        Kind.PROPOSAL,
        Topic.ORGANIZATIONAL,
        "forwarded",
        "Колледжде кәсіподақ жиналысын онлайн өткізуді ұсынамын.",
    ),
    (
        "000000000012",
        "Сергей Пак",
        12,
        Kind.COMPLAINT,
        Topic.LABOUR_RIGHTS,
        "official_response_sent",
        "Работодатель не ознакомил с приказом о переводе.",
    ),
    (
        "000000000012",
        "Дина Ахметова",
        25,
        Kind.APPLICATION,
        Topic.SOCIAL_SUPPORT,
        "closed",
        "Сауықтыру жолдамасын беруді сұраймын.",
    ),
    (
        "000000000011",
        "",
        2,
        Kind.OTHER,
        Topic.OTHER,
        "not_registered",
        "Аноним хабарлама: «мектепте бәрі нашар».",
    ),
]


def load(stdout) -> int:
    created = 0
    today = timezone.localdate()
    calendar = workdays.current()
    for bin_, author, ago, kind, topic, state, text in DEMO:
        organization = Organization.objects.filter(bin=bin_).first()
        if organization is None:
            continue
        if Appeal.objects.filter(organization=organization, text=text).exists():
            continue
        admin = User.objects.filter(
            memberships__organization=organization, memberships__role="administrator"
        ).first()
        chairman = User.objects.filter(
            memberships__organization=organization, memberships__role="chairman"
        ).first()
        if admin is None:
            continue
        day = today
        for _ in range(ago):
            day = calendar.previous_working_day(day)
        when = timezone.make_aware(datetime.combine(day, time(9, 30)))
        with transaction.atomic():
            appeal = services.appeal_register(
                actor=admin,
                organization=organization,
                received_at=when,
                channel=Channel.TELEGRAM if ago % 2 else Channel.INSTAGRAM,
                channel_account="@kasipodaq_demo",
                author_name=author,
                author_contacts=f"+7 701 555 01 {ago:02d}" if author else "",
                text=text,
                kind=kind,
                topic=topic,
                processing_basis=ProcessingBasis.CONSENT,
                privacy_notice=PrivacyNotice.ACCOUNT_NOTICE,
                assignee=admin,
                not_registered_reason=(
                    "Автор и контакты не указаны." if state == "not_registered" else ""
                ),
            )
            _advance(appeal, state, admin, chairman, day)
        created += 1
    stdout.write(f"Appeals demo: {created} new appeals.")
    return created


def _advance(appeal, state, admin, chairman, day) -> None:
    steps = {
        "first_response_given": 1,
        "in_work": 2,
        "forwarded": 2,
        "official_response_sent": 3,
        "closed": 4,
    }.get(state, 0)
    if steps >= 1:
        services.appeal_first_response(
            actor=admin,
            appeal=appeal,
            on=day,
            channel=ResponseChannel.SAME_NETWORK,
            text="Өтінішіңіз тіркелді, жауап заңда белгіленген мерзімде беріледі.",
        )
    if state == "forwarded":
        services.appeal_forward(
            actor=admin,
            appeal=appeal,
            on=day,
            reason="Мәселе облыстық ұйымның құзыретіне жатады.",
            applicant_informed_on=day,
            to_name="Облыстық білім басқармасы",
        )
        return
    if steps >= 2:
        services.appeal_take(actor=admin, appeal=appeal)
    if steps >= 3:
        services.appeal_official_response(
            actor=admin,
            appeal=appeal,
            on=timezone.localdate(),
            number="01-12/345",
            text="Ресми жауап жіберілді.",
        )
    if steps >= 4:
        services.appeal_close(actor=admin, appeal=appeal, outcome=Outcome.OFFICIAL_RESPONSE)
