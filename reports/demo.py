"""Demo metrics and reports (journey 6). Idempotent: counts are keyed by account and date,
reports by organization and period."""

from datetime import date

from django.utils import timezone

from accounts.models import Organization, Role, User
from registry.models import OfficialAccount

from .compute import compute
from .models import AccountPeriodMetrics, Report, ReportStatus, SubscriberCount

# The narrative in both languages (the Russian PDF is wholly Russian) and the template's lists.
NARRATIVE = {
    "goal_choices": ["inform", "legal_education", "reputation"],
    "risk_choices": ["reputational", "legal"],
    "priorities": "Еңбекақы және жүктеме мәселелері бойынша түсіндіру жұмысы, жас педагогтарды "
    "қолдау.",
    "priorities_ru": "Разъяснительная работа по вопросам оплаты труда и нагрузки, поддержка "
    "молодых педагогов.",
    "disputes": "Пікірлердегі екі даулы жағдай заң қызметімен келісіліп, жауап берілді.",
    "disputes_ru": "По двум спорным ситуациям в комментариях даны ответы, согласованные с "
    "юридической службой.",
    "risks": "Расталмаған ақпараттың таралу әрекеті; дербес деректерді жариялау қаупі.",
    "risks_ru": "Попытка распространения неподтверждённой информации; риск раскрытия "
    "персональных данных.",
    "prevention": "Жарияланымдар чек-парақ бойынша алдын ала тексерілді.",
    "prevention_ru": "Публикации предварительно проверялись по чек-листу.",
    "elected_bodies": "Кәсіподақ комитетінің отырыстарының қорытындылары жарияланды.",
    "elected_bodies_ru": "Опубликованы итоги заседаний профсоюзного комитета.",
    "legal_service": "Құқықтық түсіндірмелер заң кеңесшісімен келісілді.",
    "legal_service_ru": "Правовые разъяснения согласованы с юрисконсультом.",
    "problems": "Аудандық ұйымдарда жауапты әкімшілер жетіспейді.",
    "problems_ru": "В районных организациях не хватает ответственных администраторов.",
    "causes": "Кадрлық және техникалық себептер.",
    "causes_ru": "Кадровые и технические причины.",
    "plans": "- вебинарлар циклі;\n- инфографикалар;\n- тікелей эфирлер.",
    "plans_ru": "- цикл вебинаров;\n- инфографика;\n- прямые эфиры.",
    "assessment": "Жұмыс тиімді: аудитория өсті, өтініштерге уақытында жауап берілді.",
    "assessment_ru": "Работа эффективна: аудитория выросла, на обращения своевременно даны ответы.",
}
# The demo's positions in Russian (accounts' load_demo writes them in Kazakh).
POSITIONS_RU = {
    "Ақпарат жөніндегі маман": "Специалист по информации",
    "Төраға": "Председатель",
    "Заң кеңесшісі": "Юрисконсульт",
}

# (organization BIN, start, end, status)
REPORTS = [
    ("000000000011", date(2026, 1, 1), date(2026, 6, 30), ReportStatus.ACCEPTED),
    ("000000000010", date(2026, 7, 1), date(2026, 12, 31), ReportStatus.SUBMITTED),
]


def load(stdout) -> int:
    created = 0
    for i, account in enumerate(OfficialAccount.objects.filter(status="active")):
        base = 800 + 150 * i
        for on, subscribers in (
            (date(2026, 1, 1), base),
            (date(2026, 6, 30), base + 120 + 10 * i),
            (date(2026, 11, 20), base + 260 + 15 * i),
        ):
            _, new = SubscriberCount.objects.get_or_create(
                account=account, on=on, defaults={"subscribers": subscribers}
            )
            created += new
        for start, end in (
            (date(2026, 1, 1), date(2026, 6, 30)),
            (date(2026, 7, 1), date(2026, 11, 20)),
        ):
            _, new = AccountPeriodMetrics.objects.get_or_create(
                account=account,
                starts_on=start,
                ends_on=end,
                defaults={
                    "average_views": 350 + 20 * i,
                    "likes": 900 + 50 * i,
                    "comments": 120 + 7 * i,
                    "shares": 60 + 3 * i,
                },
            )
            created += new
    now = timezone.now()
    for bin_, start, end, status in REPORTS:
        # A report is handed in only after its period (RPT1.1): before that it is a draft.
        if end >= timezone.localdate():
            status = ReportStatus.DRAFT
        organization = Organization.objects.filter(bin=bin_).first()
        if (
            organization is None
            or Report.objects.filter(
                organization=organization, starts_on=start, ends_on=end
            ).exists()
        ):
            continue
        admin = User.objects.filter(
            memberships__organization=organization, memberships__role=Role.ADMINISTRATOR
        ).first()
        parent = Organization.objects.get_parent(organization)
        chairman = (
            User.objects.filter(
                memberships__organization=parent, memberships__role=Role.CHAIRMAN
            ).first()
            if parent
            else None
        )
        membership = admin.memberships.filter(organization=organization).first() if admin else None
        Report.objects.create(
            organization=organization,
            starts_on=start,
            ends_on=end,
            status=status,
            responsible=admin,
            responsible_name=admin.get_full_name() if admin else "",
            responsible_position=membership.position if membership else "",
            responsible_position_ru=POSITIONS_RU.get(membership.position, "") if membership else "",
            data=compute(organization, start, end),
            computed_at=now,
            created_by=admin,
            submitted_by=admin if status != ReportStatus.DRAFT else None,
            submitted_at=now if status != ReportStatus.DRAFT else None,
            decided_by=chairman if status == ReportStatus.ACCEPTED else None,
            decided_at=now if status == ReportStatus.ACCEPTED else None,
            **NARRATIVE,
        )
        created += 1
    stdout.write(f"reports: {created} demo rows")
    return created
