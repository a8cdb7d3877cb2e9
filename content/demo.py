"""Demo content: an approved plan for the current month, publications in every state, an urgent
message waiting to be acknowledged, a past and an active crisis, moderation entries.
Idempotent: skipped when the organization already has demo publications."""

from datetime import timedelta

from django.utils import timezone

from accounts.models import Organization, Role, User
from registry.models import OfficialAccount

from .models import (
    ContentPlan,
    Crisis,
    ModerationAction,
    PlanItem,
    Publication,
    PublicationStatus,
    PublicationTarget,
    PublicationVersion,
)
from .services import period_bounds

S = PublicationStatus
STATES = [
    (
        S.DRAFT,
        "Ұжымдық шарт: не өзгерді?",
        "Коллективный договор: что изменилось?",
        "legal",
        "rights",
    ),
    (
        S.SUBMITTED,
        "Педагогтердің жалақысы туралы түсініктеме",
        "Разъяснение об оплате труда педагогов",
        "legal",
        "law_explained",
    ),
    (
        S.RETURNED,
        "Сенбілік туралы хабарландыру",
        "Объявление о субботнике",
        "informational",
        "announcements",
    ),
    (S.APPROVED, "Жас мұғалімдер форумы", "Форум молодых учителей", "image", "achievements"),
    (
        S.PUBLISHED,
        "Кәсіподақ жиналысының қорытындысы",
        "Итоги профсоюзного собрания",
        "informational",
        "news",
    ),
    (S.PROHIBITED, "Тексерілмеген ақпарат", "Непроверенная информация", "informational", "news"),
    (
        S.WITHDRAWN,
        "Қате күн көрсетілген анонс",
        "Анонс с ошибочной датой",
        "informational",
        "announcements",
    ),
]


CRISIS_NOTE = "Тек расталған деректер; эмоциялық бағалау жоқ."


def _sentence(title: str) -> str:
    return title if title[-1:] in ".?!" else f"{title}."


def load(stdout) -> int:
    created = 0
    now = timezone.now()
    today = timezone.localdate()
    # The active crisis below covers Astana's subtree (R10.2): its demo publications say how they
    # follow the agreed position, so that their drafts save unchanged (issue 13, point 7).
    astana = Organization.objects.filter(bin="000000000020").first()
    for account in OfficialAccount.objects.filter(status="active").select_related("organization"):
        organization = account.organization
        if Publication.objects.filter(organization=organization).exists():
            continue
        author = User.objects.filter(
            memberships__organization=organization, memberships__role=Role.ADMINISTRATOR
        ).first()
        chairman = User.objects.filter(
            memberships__organization=organization, memberships__role=Role.CHAIRMAN
        ).first()
        if author is None:
            continue
        starts, ends = period_bounds("month", today)
        plan, _ = ContentPlan.objects.get_or_create(
            organization=organization,
            starts_on=starts,
            ends_on=ends,
            defaults={
                "period": "month",
                "status": ContentPlan.Status.APPROVED,
                "created_by": author,
                "decided_by": chairman,
                "decided_at": now,
            },
        )
        for offset, (topic, kind, direction) in enumerate(
            [
                ("Жаңа оқу жылына дайындық", "informational", "announcements"),
                ("Еңбек демалысы: құқықтар", "legal", "rights"),
                ("Сауалнама: жүктеме", "interactive", "surveys"),
            ]
        ):
            day = min(max(starts, today + timedelta(days=offset * 5 - 5)), ends)
            item = PlanItem.objects.create(
                plan=plan,
                topic=topic,
                kind=kind,
                direction=direction,
                audiences=["members"],
                language=account.languages,
                planned_on=day,
            )
            item.accounts.add(account)
        note = (
            CRISIS_NOTE if astana is not None and organization.path.startswith(astana.path) else ""
        )
        for number, (status, kk, ru, kind, direction) in enumerate(STATES):
            publication = Publication.objects.create(
                crisis_position_note=note,
                organization=organization,
                author=author,
                kind=kind,
                direction=direction,
                audiences=["members", "workers"],
                language=account.languages,
                unplanned_reason="Ұйым өміріндегі жоспардан тыс оқиға.",
                status=status,
                planned_at=now + timedelta(days=number - 3),
                approved_by=chairman if status in (S.APPROVED, S.PUBLISHED, S.WITHDRAWN) else None,
                approved_at=now - timedelta(days=1)
                if status in (S.APPROVED, S.PUBLISHED, S.WITHDRAWN)
                else None,
                published_at=now - timedelta(days=number)
                if status in (S.PUBLISHED, S.WITHDRAWN)
                else None,
                withdrawn_reason="Күні қате көрсетілді" if status == S.WITHDRAWN else "",
            )
            version = PublicationVersion.objects.create(
                publication=publication,
                number=1,
                title=kk,
                text_kk=f"{_sentence(kk)} Толығырақ — сілтемеде."
                if account.languages != "ru"
                else "",
                text_ru=f"{_sentence(ru)} Подробнее — по ссылке."
                if account.languages != "kk"
                else "",
                created_by=author,
                frozen_at=None if status == S.DRAFT else now - timedelta(days=2),
            )
            publication.current_version = version
            publication.save(update_fields=["current_version"])
            PublicationTarget.objects.create(
                publication=publication,
                account=account,
                post_url=f"{account.url.rstrip('/')}/{100 + number}"
                if publication.published_at
                else "",
                published_at=publication.published_at,
            )
            created += 1
        urgent = Publication.objects.create(
            organization=organization,
            author=author,
            kind="social",
            direction="conflict_support",
            audiences=["members"],
            language=account.languages,
            unplanned_reason="Шұғыл ескерту: жоспарлау мүмкін болмады.",
            status=S.PUBLISHED,
            is_urgent=True,
            published_at=now - timedelta(hours=14),
        )
        version = PublicationVersion.objects.create(
            publication=urgent,
            number=1,
            title="Ереуіл туралы шұғыл ескерту",
            text_kk="Ертең сағат 9:00-де жиналыс өтеді." if account.languages != "ru" else "",
            text_ru="Завтра в 9:00 состоится собрание." if account.languages != "kk" else "",
            created_by=author,
        )
        urgent.current_version = version
        urgent.save(update_fields=["current_version"])
        PublicationTarget.objects.create(
            publication=urgent,
            account=account,
            post_url=f"{account.url.rstrip('/')}/99",
            published_at=urgent.published_at,
        )
        ModerationAction.objects.create(
            account=account,
            action="comment_deleted",
            ground="ethics",
            excerpt="Қорлайтын сөздер бар пікір",
            occurred_on=today - timedelta(days=3),
            recorded_by=author,
        )
        ModerationAction.objects.create(
            account=account,
            action="criticism_answered",
            link=f"{account.url}/101",
            occurred_on=today - timedelta(days=2),
            recorded_by=author,
        )
        created += 1
    if astana and not Crisis.objects.filter(organization=astana).exists():
        chairman = User.objects.filter(
            memberships__organization=astana, memberships__role=Role.CHAIRMAN
        ).first()
        past = Crisis.objects.create(
            organization=astana,
            title="Жалақы кешігуі (2025)",
            agreed_position="Тек расталған деректер жарияланады.",
            declared_by=chairman,
            ended_at=now - timedelta(days=200),
            ended_by=chairman,
            end_note="Жалақы төленді.",
        )
        active = Crisis.objects.create(
            organization=astana,
            title="Мектептегі жанжал",
            agreed_position=(
                "Кәсіподақ әріптестерді қолдайды, тергеу нәтижесін күтеміз; "
                "эмоциялық бағалау берілмейді."
            ),
            declared_by=chairman,
        )
        group = list(User.objects.filter(memberships__organization=astana).distinct()[:2])
        past.working_group.set(group)
        active.working_group.set(group)
        created += 2
    return created
