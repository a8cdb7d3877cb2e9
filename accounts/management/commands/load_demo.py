"""Demo data for `make run`: an organization tree and a user for every role at several levels.

Safe to run again: everything is looked up by a stable key (organization BIN, username) and
created only when missing. Later issues extend the demo with their own data.
"""

import importlib

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from accounts.models import Membership, Organization, OrganizationKind, Role, User
from config.celery import PROJECT_APPS

# Ten characters or more, like every password a person sets (AUTH_PASSWORD_VALIDATORS); the
# demo sets it in code, so the validators are not asked. Users loaded before the change still
# have the old one and get the new one on the next run.
DEMO_PASSWORD = "demo-2026-kz"
OLD_DEMO_PASSWORD = "demo-2026"

# (BIN, parent BIN, kind, name_kk, name_ru)
ORGANIZATIONS = [
    (
        "000000000001",
        None,
        OrganizationKind.CENTRAL_COMMITTEE,
        "Қазақстандық оқу-ағарту, ғылым және жоғары білім қызметкерлері салалық кәсіподағының "
        "Орталық комитеті",
        "Центральный комитет Казахстанского отраслевого профсоюза работников просвещения, науки "
        "и высшего образования",
    ),
    (
        "000000000010",
        "000000000001",
        OrganizationKind.REGIONAL,
        "Алматы облыстық кәсіподақ ұйымы",
        "Алматинская областная профсоюзная организация",
    ),
    (
        "000000000020",
        "000000000001",
        OrganizationKind.REGIONAL,
        "Астана қалалық кәсіподақ ұйымы",
        "Астанинская городская профсоюзная организация",
    ),
    (
        "000000000011",
        "000000000010",
        OrganizationKind.PRIMARY,
        "Қонаев қаласындағы №3 мектептің бастауыш кәсіподақ ұйымы",
        "Первичная профсоюзная организация школы №3 города Конаев",
    ),
    (
        "000000000012",
        "000000000010",
        OrganizationKind.PRIMARY,
        "Талдықорған жоғары колледжінің бастауыш кәсіподақ ұйымы",
        "Первичная профсоюзная организация Талдыкорганского высшего колледжа",
    ),
    (
        "000000000021",
        "000000000020",
        OrganizationKind.PRIMARY,
        "Астанадағы №45 мектеп-гимназияның бастауыш кәсіподақ ұйымы",
        "Первичная профсоюзная организация школы-гимназии №45 города Астаны",
    ),
    (
        "000000000022",
        "000000000020",
        OrganizationKind.PRIMARY,
        "Л.Н. Гумилев атындағы ЕҰУ бастауыш кәсіподақ ұйымы",
        "Первичная профсоюзная организация ЕНУ имени Л.Н. Гумилева",
    ),
]

# (username, last name, first name, patronymic, [(organization BIN, role, position)])
USERS = [
    ("cc_chairman", "Сейітова", "Айгүл", "Маратқызы", [("000000000001", Role.CHAIRMAN, "Төраға")]),
    (
        "cc_admin",
        "Ахметов",
        "Ерлан",
        "Серікұлы",
        [("000000000001", Role.ADMINISTRATOR, "Баспасөз хатшысы")],
    ),
    (
        "cc_lawyer",
        "Жұмабекова",
        "Дана",
        "Ержанқызы",
        [("000000000001", Role.LAWYER, "Бас заң кеңесшісі")],
    ),
    (
        "almaty_chairman",
        "Омаров",
        "Бауыржан",
        "Қанатұлы",
        [("000000000010", Role.CHAIRMAN, "Төраға")],
    ),
    (
        "almaty_admin",
        "Ким",
        "Наталья",
        "Викторовна",
        [("000000000010", Role.ADMINISTRATOR, "Ақпарат жөніндегі маман")],
    ),
    (
        "almaty_lawyer",
        "Нұрланов",
        "Асхат",
        "Бекұлы",
        [("000000000010", Role.LAWYER, "Заң кеңесшісі")],
    ),
    (
        "astana_chairman",
        "Исаева",
        "Гүлнар",
        "Төлегенқызы",
        [("000000000020", Role.CHAIRMAN, "Төраға")],
    ),
    (
        "astana_admin",
        "Петров",
        "Сергей",
        "Иванович",
        [("000000000020", Role.ADMINISTRATOR, "Маман")],
    ),
    (
        "school3_chairman",
        "Байжанова",
        "Әсел",
        "Нұрланқызы",
        [("000000000011", Role.CHAIRMAN, "Бастауыш ұйым төрағасы")],
    ),
    (
        "school3_admin",
        "Тоқтаров",
        "Ғалым",
        "Әбілұлы",
        [("000000000011", Role.ADMINISTRATOR, "Информатика мұғалімі")],
    ),
    (
        "school3_lawyer",
        "Сәрсенова",
        "Жанар",
        "Қайратқызы",
        [("000000000011", Role.LAWYER, "Қоғамдық заң кеңесшісі")],
    ),
    (
        "college_chairman",
        "Мұхамеджанов",
        "Нұрлан",
        "Ерікұлы",
        [("000000000012", Role.CHAIRMAN, "Төраға")],
    ),
    (
        "college_admin",
        "Лебедева",
        "Ольга",
        "Петровна",
        [("000000000012", Role.ADMINISTRATOR, "Әдіскер")],
    ),
    (
        "gym45_chairman",
        "Әлиева",
        "Мадина",
        "Серікқызы",
        [("000000000021", Role.CHAIRMAN, "Төраға")],
    ),
    (
        "gym45_admin",
        "Қасымов",
        "Дәулет",
        "Маратұлы",
        [("000000000021", Role.ADMINISTRATOR, "Маман")],
    ),
    ("enu_chairman", "Бекова", "Сәуле", "Асқарқызы", [("000000000022", Role.CHAIRMAN, "Төраға")]),
    (
        "enu_admin",
        "Ким",
        "Артём",
        "Олегович",
        [("000000000022", Role.ADMINISTRATOR, "Баспасөз қызметінің маманы")],
    ),
    # One person in two organizations with two roles: the regional lawyer also advises a school.
    (
        "multi_role",
        "Серікбаев",
        "Арман",
        "Талғатұлы",
        [
            ("000000000020", Role.LAWYER, "Заң кеңесшісі"),
            ("000000000021", Role.ADMINISTRATOR, "Қоғамдық негіздегі әкімші"),
        ],
    ),
]


class Command(BaseCommand):
    help = "Load (or complete) the demo organization tree and users. Safe to run twice."

    def handle(self, *args, **options):
        # Users with a published password must never appear on a real server.
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "load_demo refuses to run here: these settings do not allow demo data "
                "(DEMO_DATA_ALLOWED is off, as in config.settings.production)."
            )
        self.load()

    @transaction.atomic
    def load(self):
        created = 0
        by_bin: dict[str, Organization] = {}
        for bin_, parent_bin, kind, name_kk, name_ru in ORGANIZATIONS:
            organization = Organization.objects.filter(bin=bin_).first()
            if organization is None:
                fields = {"bin": bin_, "kind": kind, "name_kk": name_kk, "name_ru": name_ru}
                if parent_bin is None:
                    organization = Organization.objects.add_root(fields)
                else:
                    parent = Organization.objects.get(pk=by_bin[parent_bin].pk)
                    organization = Organization.objects.add_child(parent, fields)
                created += 1
            by_bin[bin_] = organization

        admin = User.objects.filter(username="admin").first()
        # A demo database loaded before the password changed: one check (hashing is slow on
        # purpose), then every demo user gets the new password.
        upgrade = admin is not None and admin.check_password(OLD_DEMO_PASSWORD)
        if admin is None:
            User.objects.create_superuser(
                "admin", "admin@example.kz", DEMO_PASSWORD, last_name="Жүйе", first_name="Әкімшісі"
            )
            created += 1
        elif upgrade:
            admin.set_password(DEMO_PASSWORD)
            admin.save(update_fields=["password"])
        for username, last, first, patronymic, roles in USERS:
            user, new = User.objects.get_or_create(
                username=username,
                defaults={
                    "last_name": last,
                    "first_name": first,
                    "patronymic": patronymic,
                    "email": f"{username}@example.kz",
                },
            )
            if new or upgrade:
                user.set_password(DEMO_PASSWORD)
                user.save(update_fields=["password"])
                created += new
            for bin_, role, position in roles:
                _, new = Membership.objects.get_or_create(
                    user=user, organization=by_bin[bin_], role=role, defaults={"position": position}
                )
                created += new

        # Each app that has demo data of its own provides `<app>/demo.py` with load(stdout) -> int.
        for name in PROJECT_APPS:
            try:
                module = importlib.import_module(f"{name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{name}.demo":
                    raise
                continue
            created += module.load(self.stdout)

        self.stdout.write(f"Demo data: {created} new records (0 means it was already loaded).")
        self.stdout.write(f"Demo users (password for all: {DEMO_PASSWORD}):")
        self.stdout.write(f"  {'admin':<18} superuser")
        for username, *_rest, roles in USERS:
            described = "; ".join(
                f"{Role(role).label} — {by_bin[bin_].name_ru}" for bin_, role, _p in roles
            )
            self.stdout.write(f"  {username:<18} {described}")
