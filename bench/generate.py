"""A deterministic union-sized data set for `make bench` (issue 14, point 7).

Set-based SQL only (`INSERT … SELECT … FROM generate_series`): every value is a function of the
row's ordinal, so the same size always gives the same rows (no random numbers at all). Explicit
ids (the table's maximum + ordinal) let a publication name its current version before the
version exists (Django's foreign keys are DEFERRABLE INITIALLY DEFERRED on PostgreSQL); the
sequences are moved past them at the end. Every NOT NULL, unique and check constraint of the
models holds (tests/scale/test_bench_data.py checks them at the tiny size, where foreign keys are
also checked by PostgreSQL; at the large size their triggers are switched off for the load, the
SQL being the same).

The database is marked with a `bench_meta` row (size, a hash of the generated tables' columns and
constraints, counts): a second call with the same size and schema reuses the data.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from datetime import date

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction

from accounts import audit
from accounts.models import (
    AuditEntry,
    Membership,
    Organization,
    OrganizationKind,
    Role,
    User,
)
from appeals.models import Appeal, RegistrationCounter
from content.models import (
    ContentPlan,
    PlanItem,
    Publication,
    PublicationTarget,
    PublicationVersion,
)
from content.taxonomy import DIRECTION_KIND
from registry.models import (
    AccessListEntry,
    AccessListVersion,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    OfficialAccount,
)
from reports.models import Report, SubscriberCount

PASSWORD = "bench-Password-2026"  # the generated users' password (a benchmark database only)
# The three people of the load run, and a fixed TOTP key for the two chairmen (hex, 20 bytes).
CC_CHAIRMAN, REGION_CHAIRMAN, PRIMARY_ADMIN = "bench-cc", "bench-region", "bench-primary"
TOTP_KEYS = {
    CC_CHAIRMAN: hashlib.sha1(b"bench-cc").hexdigest(),
    REGION_CHAIRMAN: hashlib.sha1(b"bench-region").hexdigest(),
}
# "Today" of the data set: dates are laid out backwards from it, whatever the real date.
END = date(2026, 11, 29)
DAYS = 1000  # publications, appeals and the audit trail spread over this many days before END
H1_2026 = (date(2026, 1, 1), date(2026, 6, 30))
H2_2025 = (date(2025, 7, 1), date(2025, 12, 31))
SCHEMA_VERSION = 1  # bump when the generator's layout changes


@dataclass(frozen=True)
class Size:
    name: str
    regions: int
    districts_per_region: int
    organizations: int
    accounts: int
    publications: int
    appeals: int
    audit: int
    plans_per_org: int = 4
    items_per_plan: int = 5


SIZES = {
    # issue 14: 10,000 organizations, 20,296 accounts, 1,000,071 publications, 250,000 appeals,
    # 4.3 M audit entries.
    "large": Size("large", 20, 10, 10_000, 20_296, 1_000_071, 250_000, 4_300_000),
    "small": Size("small", 5, 4, 100, 203, 10_001, 2_500, 43_000),
    # For the tests (make test): a thousandth.
    "tiny": Size("tiny", 1, 2, 10, 20, 1_000, 250, 4_300),
}

# The tables this generator fills (the schema hash covers exactly these).
MODELS = [
    Organization,
    User,
    Membership,
    OfficialAccount,
    CreationDecision,
    LogoCheck,
    AdministratorAppointment,
    AccessListVersion,
    AccessListEntry,
    SubscriberCount,
    ContentPlan,
    PlanItem,
    Publication,
    PublicationVersion,
    PublicationTarget,
    Appeal,
    RegistrationCounter,
    AuditEntry,
    Report,
]
# Big tables: their secondary indexes are dropped during the load and rebuilt after it.
BULK = [Publication, PublicationVersion, PublicationTarget, Appeal, AuditEntry]


def _sql(query: str, params=None):
    with connection.cursor() as cursor:
        # Always with parameters, so `%%` means `%` in every query.
        cursor.execute(query, params if params is not None else [])
        if cursor.description:
            return cursor.fetchall()
    return None


def _table(model) -> str:
    return model._meta.db_table


def _base(model) -> int:
    return _sql(f"SELECT coalesce(max(id), 0) FROM {_table(model)}")[0][0]


def schema_hash() -> str:
    """A hash of the columns (name, type, NOT NULL) and constraints of the generated tables."""
    tables = sorted(_table(m) for m in MODELS)
    rows = _sql(
        """
        SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
        WHERE c.relname = ANY(%s) AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY 1, 2
        """,
        [tables],
    )
    rows += _sql(
        """
        SELECT c.relname, pg_get_constraintdef(k.oid), '', k.contype = 'f'
        FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
        WHERE c.relname = ANY(%s) ORDER BY 1, 2
        """,
        [tables],
    )
    digest = hashlib.sha256(repr((SCHEMA_VERSION, rows)).encode()).hexdigest()
    return digest[:16]


def ensure_meta_table() -> None:
    _sql(
        """CREATE TABLE IF NOT EXISTS bench_meta (
            id integer PRIMARY KEY CHECK (id = 1),
            size text NOT NULL, schema_hash text NOT NULL, generated_at timestamptz NOT NULL,
            seconds double precision NOT NULL, counts jsonb NOT NULL)"""
    )


def meta() -> dict | None:
    ensure_meta_table()
    rows = _sql("SELECT size, schema_hash, generated_at, seconds, counts FROM bench_meta")
    if not rows:
        return None
    size, digest, at, seconds, counts = rows[0]
    if isinstance(counts, str):
        counts = json.loads(counts)
    return {"size": size, "schema_hash": digest, "at": at, "seconds": seconds, "counts": counts}


def counts() -> dict[str, int]:
    return {m._meta.label: _sql(f"SELECT count(*) FROM {_table(m)}")[0][0] for m in MODELS}


@dataclass
class Result:
    reused: bool
    size: str
    seconds: float
    counts: dict[str, int]
    steps: list[tuple[str, float]]


def ensure(size: str, *, log=print) -> Result:
    """Generate the data set of `size` unless this database already holds it (bench_meta)."""
    spec = SIZES[size]
    if connection.vendor != "postgresql":
        raise RuntimeError("bench data needs PostgreSQL (generate_series, COPY-speed inserts)")
    digest = schema_hash()
    current = meta()
    if current and current["size"] == size and current["schema_hash"] == digest:
        log(f"bench data: reusing the {size} data set generated {current['at']:%Y-%m-%d %H:%M}")
        return Result(True, size, current["seconds"], current["counts"], [])
    if current or Organization.objects.exists():
        raise StaleData(
            f"this database holds other data (bench_meta: {current and current['size']}, "
            f"schema {current and current['schema_hash']} vs {digest}); "
            "run with --recreate to drop and rebuild it"
        )
    return Generator(spec, log).run(digest)


class StaleData(Exception):
    pass


class Generator:
    def __init__(self, spec: Size, log):
        self.s = spec
        self.log = log
        self.steps: list[tuple[str, float]] = []

    def step(self, name: str, fn) -> None:
        start = time.perf_counter()
        fn()
        took = time.perf_counter() - start
        self.steps.append((name, took))
        self.log(f"  {name:<28} {took:7.1f} s")

    def run(self, digest: str) -> Result:
        start = time.perf_counter()
        self.log(f"bench data: generating the {self.s.name} data set")
        with transaction.atomic():
            _sql("SET LOCAL synchronous_commit = off")
            _sql("SET LOCAL maintenance_work_mem = '512MB'")
            _sql("SET LOCAL work_mem = '64MB'")
            if self.s.name == "large":
                # Foreign-key triggers off for the load (same SQL as the tiny size, whose
                # foreign keys PostgreSQL checks in the tests).
                _sql("SET LOCAL session_replication_role = replica")
            dropped = self.drop_indexes()
            defaulted = self.set_defaults()
            self.step("organizations", self.organizations)
            self.step("users and roles", self.users)
            self.step("official accounts", self.accounts)
            self.step("plans and items", self.plans)
            self.step("publications", self.publications)
            self.step("appeals", self.appeals)
            self.step("audit trail", self.audit)
            self.step("reports", self.reports)
            self.step("indexes", lambda: self.create_indexes(dropped))
            self.step("sequences", self.sequences)
            self.drop_defaults(defaulted)
            found = counts()
            seconds = time.perf_counter() - start
            ensure_meta_table()
            _sql("DELETE FROM bench_meta")
            _sql(
                "INSERT INTO bench_meta VALUES (1, %s, %s, now(), %s, %s::jsonb)",
                [self.s.name, digest, seconds, json.dumps(found)],
            )
        if not connection.in_atomic_block:
            self.step("analyze", lambda: _sql("ANALYZE"))
        seconds = time.perf_counter() - start
        _sql("UPDATE bench_meta SET seconds = %s", [seconds])
        self.log(f"bench data: {self.s.name} generated in {seconds:.0f} s")
        return Result(False, self.s.name, seconds, found, self.steps)

    # -- columns the generator does not name ---------------------------------------------------

    def set_defaults(self) -> list[tuple[str, str]]:
        """A column added to a model after this generator was written (NOT NULL, no default in
        the database) gets the field's default for the load, so the INSERTs stay valid; the
        defaults are dropped again afterwards (all in the load's transaction)."""
        with connection.cursor() as cursor:
            set_ = []
            for model in MODELS:
                table = _table(model)
                cursor.execute(
                    """SELECT column_name FROM information_schema.columns
                    WHERE table_name = %s AND is_nullable = 'NO' AND column_default IS NULL
                      AND is_identity = 'NO'""",
                    [table],
                )
                bare = {row[0] for row in cursor.fetchall()}
                for f in model._meta.concrete_fields:
                    if f.column not in bare:
                        continue
                    if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                        sql, params = "now()", []
                    elif f.has_default() and isinstance(f, models.JSONField):
                        sql, params = "%s::jsonb", [json.dumps(f.get_default())]
                    elif f.has_default():
                        sql, params = "%s", [f.get_db_prep_save(f.get_default(), connection)]
                    elif f.empty_strings_allowed and f.blank:
                        sql, params = "''", []
                    else:
                        continue
                    literal = cursor.mogrify(f"SELECT {sql}", params)[len("SELECT ") :]
                    cursor.execute(
                        f'ALTER TABLE {table} ALTER COLUMN "{f.column}" SET DEFAULT {literal}'
                    )
                    set_.append((table, f.column))
            return set_

    def drop_defaults(self, columns: list[tuple[str, str]]) -> None:
        for table, column in columns:
            _sql(f'ALTER TABLE {table} ALTER COLUMN "{column}" DROP DEFAULT')

    # -- indexes ------------------------------------------------------------------------------

    def drop_indexes(self) -> list[str]:
        """Secondary indexes of the big (empty) tables: rebuilt once after the load, which is
        several times faster than maintaining them row by row."""
        if self.s.name == "tiny":
            return []
        tables = [_table(m) for m in BULK]
        rows = _sql(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
            WHERE c.relname = ANY(%s) AND NOT i.indisprimary
              AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)
            """,
            [tables],
        )
        for name, _definition in rows:
            _sql(f"DROP INDEX {name}")
        return [definition for _name, definition in rows]

    def create_indexes(self, definitions: list[str]) -> None:
        # The deferred foreign-key checks run now: PostgreSQL builds no index over pending ones.
        _sql("SET CONSTRAINTS ALL IMMEDIATE")
        for definition in definitions:
            _sql(definition)

    # -- the tree -----------------------------------------------------------------------------

    def organizations(self) -> None:
        s = self.s
        step = Organization._get_path
        rows = [("0001", 1, OrganizationKind.CENTRAL_COMMITTEE, "Орталық комитет", "ЦК")]
        districts = []
        for r in range(1, s.regions + 1):
            rp = "0001" + step(None, 1, r)
            rows.append((rp, 2, OrganizationKind.REGIONAL, f"Облыс {r}", f"Область {r}"))
            for d in range(1, s.districts_per_region + 1):
                dp = rp + step(None, 1, d)
                districts.append(dp)
                rows.append(
                    (dp, 3, OrganizationKind.CITY_DISTRICT, f"Аудан {r}.{d}", f"Район {r}.{d}")
                )
        primaries = s.organizations - len(rows)
        children: dict[str, int] = {}
        for p in range(primaries):
            parent = districts[p % len(districts)]
            children[parent] = children.get(parent, 0) + 1
            rows.append(
                (
                    parent + step(None, 1, children[parent]),
                    4,
                    OrganizationKind.PRIMARY,
                    f"Бастауыш ұйым {p + 1}",
                    f"Первичная организация {p + 1}",
                )
            )
        numchild: dict[str, int] = {}
        for path, depth, *_ in rows:
            if depth > 1:
                parent = path[:-4]
                numchild[parent] = numchild.get(parent, 0) + 1
        rows.sort()
        base = _base(Organization)
        Organization.objects.bulk_create(
            [
                Organization(
                    id=base + n,
                    path=path,
                    depth=depth,
                    numchild=numchild.get(path, 0),
                    kind=kind,
                    name_kk=kk,
                    name_ru=ru,
                    bin=f"9{n:011d}" if depth == 4 else "",
                )
                for n, (path, depth, kind, kk, ru) in enumerate(rows, start=1)
            ],
            batch_size=5000,
        )
        # b_org: rn (1 = the Central Committee, in path order), id, depth, and the person who
        # acts for the organization (its administrator for a primary, else its chairman).
        self.norg = len(rows)
        self.user_base = _base(User)
        _sql("DROP TABLE IF EXISTS b_org")
        _sql(
            """CREATE TEMP TABLE b_org ON COMMIT DROP AS
            SELECT row_number() OVER (ORDER BY path) AS rn, id, depth, path
            FROM accounts_organization WHERE id > %s""",
            [base],
        )
        _sql("ALTER TABLE b_org ADD PRIMARY KEY (rn)")
        _sql(
            """ALTER TABLE b_org ADD COLUMN chairman bigint, ADD COLUMN admin bigint,
            ADD COLUMN actor bigint"""
        )
        _sql(
            """UPDATE b_org SET chairman = %(u)s + rn,
                admin = CASE WHEN depth = 4 THEN %(u)s + %(n)s + rn END,
                actor = CASE WHEN depth = 4 THEN %(u)s + %(n)s + rn ELSE %(u)s + rn END""",
            {"u": self.user_base, "n": self.norg},
        )
        _sql("ANALYZE b_org")
        self.region_rn = 2
        self.primary_rn = _sql("SELECT min(rn) FROM b_org WHERE depth = 4")[0][0]

    def users(self) -> None:
        password = make_password(PASSWORD)
        names = {1: CC_CHAIRMAN, self.region_rn: REGION_CHAIRMAN}
        with connection.cursor() as cursor:
            cursor.execute(
                """
                INSERT INTO accounts_user (id, password, is_superuser, username, first_name,
                    last_name, email, is_staff, is_active, date_joined, patronymic, language)
                SELECT chairman, %(p)s, false,
                    CASE rn WHEN 1 THEN %(cc)s WHEN %(rr)s THEN %(rc)s
                        ELSE 'bench-chairman-' || rn END,
                    'Бенч', 'Төраға ' || rn, 'chairman' || rn || '@bench.invalid', false, true,
                    now(), '', 'kk'
                FROM b_org
                UNION ALL
                SELECT admin, %(p)s, false,
                    CASE rn WHEN %(pr)s THEN %(pa)s ELSE 'bench-admin-' || rn END,
                    'Бенч', 'Әкімші ' || rn, 'admin' || rn || '@bench.invalid', false, true,
                    now(), '', 'kk'
                FROM b_org WHERE admin IS NOT NULL
                """,
                {
                    "p": password,
                    "cc": names[1],
                    "rr": self.region_rn,
                    "rc": names[self.region_rn],
                    "pr": self.primary_rn,
                    "pa": PRIMARY_ADMIN,
                },
            )
            cursor.execute(
                """
                INSERT INTO accounts_membership (user_id, organization_id, role, position,
                    created_at)
                SELECT chairman, id, %s, 'Төраға', now() FROM b_org
                UNION ALL
                SELECT admin, id, %s, 'Әкімші', now() FROM b_org WHERE admin IS NOT NULL
                """,
                [Role.CHAIRMAN, Role.ADMINISTRATOR],
            )
        from django_otp.plugins.otp_totp.models import TOTPDevice

        for username, key in TOTP_KEYS.items():
            TOTPDevice.objects.create(
                user=User.objects.get(username=username),
                name="authenticator",
                confirmed=True,
                key=key,
            )

    # -- registry -----------------------------------------------------------------------------

    def accounts(self) -> None:
        s = self.s
        self.acc_base = _base(OfficialAccount)
        networks = ["telegram_channel", "instagram", "facebook", "youtube", "tiktok", "vk"]
        _sql("DROP TABLE IF EXISTS b_acc")
        _sql(
            """CREATE TEMP TABLE b_acc ON COMMIT DROP AS
            SELECT i AS ai, %(b)s + i AS id, o.id AS org_id, o.rn AS org_rn, o.actor, o.chairman,
                   o.admin
            FROM generate_series(1, %(n)s) i
            JOIN b_org o ON o.rn = (i - 1) %% %(norg)s + 1""",
            {"b": self.acc_base, "n": s.accounts, "norg": self.norg},
        )
        _sql("ALTER TABLE b_acc ADD PRIMARY KEY (ai)")
        _sql("ANALYZE b_acc")
        _sql(
            """
            INSERT INTO registry_officialaccount (id, archive_reason, organization_id, network,
                display_name, handle, url, normalized_url, languages, status, status_reason,
                is_publishing_target, logo_recheck_required, password_due_on, created_at,
                updated_at)
            SELECT id, '', org_id, (%(net)s::text[])[(ai - 1) %% 6 + 1], 'Арна ' || ai,
                '@bench_' || ai, 'https://t.me/bench_' || ai, 't.me/bench_' || ai,
                (ARRAY['kk', 'ru', 'both'])[(ai - 1) %% 3 + 1],
                CASE WHEN ai %% 33 = 0 THEN 'closed' ELSE 'active' END, '',
                ai %% 33 <> 0, false, %(end)s::date - 200 + (ai * 7) %% 400,
                now(), now()
            FROM b_acc
            """,
            {"net": networks, "end": END},
        )
        # Registry records behind the compliance flags: most accounts are in order.
        _sql(
            """
            INSERT INTO registry_creationdecision (account_id, recorded_by_id, created_at, body,
                number, decided_on, document)
            SELECT id, actor, now(), 'Кәсіподақ комитеті', 'Ш-' || ai, %(d)s::date - ai %% 700,
                'bench/decision.pdf'
            FROM b_acc WHERE ai %% 10 <> 0
            """,
            {"d": END},
        )
        _sql(
            """
            INSERT INTO registry_logocheck (account_id, recorded_by_id, created_at,
                checked_by_id, checked_on, result, screenshot, note)
            SELECT id, actor, now(), chairman, %(d)s::date - ai %% 300,
                CASE WHEN ai %% 17 = 0 THEN 'failed' ELSE 'passed' END, 'bench/logo.png', ''
            FROM b_acc WHERE ai %% 5 <> 0
            """,
            {"d": END},
        )
        _sql(
            """
            INSERT INTO registry_administratorappointment (account_id, recorded_by_id,
                created_at, user_id, full_name, position, contacts, order_number, order_date,
                order_document, starts_on, ends_on)
            SELECT id, chairman, now(), admin, 'Әкімші ' || org_rn, 'Әкімші', '', 'Б-' || ai,
                %(d)s::date - 400 - ai %% 300, 'bench/order.pdf', %(d)s::date - 400 - ai %% 300,
                NULL
            FROM b_acc WHERE ai %% 7 <> 0
            """,
            {"d": END},
        )
        _sql(
            """
            INSERT INTO registry_accesslistversion (account_id, recorded_by_id, created_at,
                number, status, decided_by_id, decided_at, comment)
            SELECT id, actor, now(), 1, 'approved', chairman, now(), ''
            FROM b_acc WHERE ai %% 4 <> 0
            """
        )
        _sql(
            """
            INSERT INTO registry_accesslistentry (version_id, user_id, full_name, position)
            SELECT v.id, a.admin, 'Әкімші ' || a.org_rn, 'Әкімші'
            FROM registry_accesslistversion v JOIN b_acc a ON a.id = v.account_id
            """
        )
        _sql(
            """
            INSERT INTO reports_subscribercount (account_id, "on", subscribers, recorded_by_id,
                updated_at)
            SELECT a.id, d.day, 500 + (a.ai * 37) %% 5000 + d.n * (a.ai %% 50), a.actor, now()
            FROM b_acc a CROSS JOIN (VALUES (0, %(a)s::date), (1, %(b)s::date),
                (2, %(c)s::date)) AS d(n, day)
            """,
            {"a": date(2026, 1, 1), "b": date(2026, 6, 30), "c": date(2026, 11, 1)},
        )

    # -- content ------------------------------------------------------------------------------

    def plans(self) -> None:
        s = self.s
        self.plan_base = _base(ContentPlan)
        quarters = [(1, 3), (4, 6), (7, 9), (10, 12)][: s.plans_per_org]
        values = ", ".join(
            f"({q}, DATE '2026-{a:02d}-01', (DATE '2026-{b:02d}-01' + interval '1 month' "
            f"- interval '1 day')::date)"
            for q, (a, b) in enumerate(quarters, start=1)
        )
        _sql(
            f"""
            INSERT INTO content_contentplan (id, organization_id, period, starts_on, ends_on,
                status, created_by_id, created_at, decided_by_id, decided_at, comment)
            SELECT %(b)s + (o.rn - 1) * %(k)s + q.q, o.id, 'quarter', q.s, q.e,
                CASE WHEN q.q < %(k)s THEN 'approved' WHEN o.rn %% 2 = 0 THEN 'submitted'
                    ELSE 'draft' END,
                o.actor, now(),
                CASE WHEN q.q < %(k)s THEN o.chairman END,
                CASE WHEN q.q < %(k)s THEN q.s::timestamptz - interval '5 days' END, ''
            FROM b_org o CROSS JOIN (VALUES {values}) AS q(q, s, e)
            """,
            {"b": self.plan_base, "k": len(quarters)},
        )
        directions = list(DIRECTION_KIND.items())
        _sql("DROP TABLE IF EXISTS b_dir")
        _sql(
            "CREATE TEMP TABLE b_dir (k int PRIMARY KEY, direction text, kind text) ON COMMIT DROP"
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO b_dir VALUES (%s, %s, %s)",
                [(k, d, str(kind)) for k, (d, kind) in enumerate(directions)],
            )
        self.ndir = len(directions)
        _sql(
            """
            INSERT INTO content_planitem (plan_id, topic, kind, direction, audiences, language,
                planned_on, created_at)
            SELECT p.id, 'Тақырып ' || n, d.kind, d.direction, '["members"]'::jsonb,
                CASE WHEN n %% 2 = 0 THEN 'kk' ELSE 'ru' END,
                p.starts_on + (n * 17) %% (p.ends_on - p.starts_on + 1), now()
            FROM content_contentplan p CROSS JOIN generate_series(1, %(k)s) n
            JOIN b_dir d ON d.k = (p.id + n) %% %(nd)s
            WHERE p.id > %(b)s
            """,
            {"k": self.s.items_per_plan, "nd": self.ndir, "b": self.plan_base},
        )

    def publications(self) -> None:
        s = self.s
        self.pub_base = _base(Publication)
        vbase = _base(PublicationVersion)
        params = {
            "n": s.publications,
            "nacc": s.accounts,
            "pb": self.pub_base,
            "vb": vbase,
            "nd": self.ndir,
            "end": f"{END} 12:00:00+05",
            "step": DAYS * 86400.0 / s.publications,
        }
        # Status by the ordinal: 85 % published, the rest spread over the other states.
        status = """CASE WHEN i %% 100 < 85 THEN 'published' WHEN i %% 100 < 90 THEN 'draft'
            WHEN i %% 100 < 93 THEN 'submitted' WHEN i %% 100 < 95 THEN 'approved'
            WHEN i %% 100 < 97 THEN 'returned' WHEN i %% 100 < 99 THEN 'withdrawn'
            ELSE 'prohibited' END"""
        _sql(
            f"""
            INSERT INTO content_publication (id, archive_reason, organization_id, author_id,
                kind, direction, audiences, language, planned_at, unplanned_reason,
                is_official_statement, is_urgent, status, current_version_id,
                crisis_position_note, approved_by_id, approved_at, published_at,
                withdrawn_reason, created_at, updated_at)
            SELECT %(pb)s + i, '', a.org_id, a.actor, d.kind, d.direction,
                CASE WHEN i %% 3 = 0 THEN '["members", "workers"]'::jsonb
                    ELSE '["members"]'::jsonb END,
                CASE WHEN i %% 2 = 0 THEN 'kk' ELSE 'ru' END,
                t.at, 'Жедел ақпарат', false, i %% 5000 = 0 AND {status} = 'published', {status},
                CASE WHEN i %% 10 = 0 THEN %(vb)s + %(n)s + i / 10 ELSE %(vb)s + i END,
                '',
                CASE WHEN {status} IN ('approved', 'published') THEN a.chairman END,
                CASE WHEN {status} IN ('approved', 'published') THEN t.at - interval '1 hour'
                    END,
                CASE WHEN {status} IN ('published', 'withdrawn') THEN t.at END,
                CASE WHEN {status} = 'withdrawn' THEN 'Қате ақпарат' ELSE '' END,
                t.at - interval '2 days', t.at
            FROM generate_series(1, %(n)s) i
            JOIN b_acc a ON a.ai = (i - 1) %% %(nacc)s + 1
            JOIN b_dir d ON d.k = i %% %(nd)s
            CROSS JOIN LATERAL (SELECT %(end)s::timestamptz
                - make_interval(secs => (%(n)s - i) * %(step)s) AS at) t
            """,
            params,
        )
        text_kk = "Кәсіподақ жаңалықтары: жиналыс, ұжымдық шарт және мүшелерге көмек. " * 3
        text_ru = "Новости профсоюза: собрание, коллективный договор и помощь членам. " * 3
        _sql(
            f"""
            INSERT INTO content_publicationversion (id, publication_id, number, title, text_kk,
                text_ru, sources, created_by_id, created_at, frozen_at)
            SELECT %(vb)s + i, %(pb)s + i, 1, 'Жаңалық № ' || i, %(kk)s, %(ru)s, '', a.actor,
                now(), CASE WHEN i %% 10 = 0 OR NOT ({status} IN ('draft', 'returned'))
                    THEN now() END
            FROM generate_series(1, %(n)s) i JOIN b_acc a ON a.ai = (i - 1) %% %(nacc)s + 1
            UNION ALL
            SELECT %(vb)s + %(n)s + i / 10, %(pb)s + i, 2, 'Жаңалық № ' || i || ' (2)', %(kk)s,
                %(ru)s, '', a.actor, now(),
                CASE WHEN {status} IN ('draft', 'returned') THEN NULL ELSE now() END
            FROM generate_series(10, %(n)s, 10) i JOIN b_acc a ON a.ai = (i - 1) %% %(nacc)s + 1
            """,
            {**params, "kk": text_kk, "ru": text_ru},
        )
        _sql(
            """
            INSERT INTO content_publicationtarget (publication_id, account_id, post_url,
                published_at)
            SELECT p.id, %(ab)s + (p.id - %(pb)s - 1) %% %(nacc)s + 1,
                CASE WHEN p.published_at IS NOT NULL
                    THEN 'https://t.me/bench_' || ((p.id - %(pb)s - 1) %% %(nacc)s + 1)
                        || '/' || (p.id - %(pb)s) ELSE '' END,
                p.published_at
            FROM content_publication p WHERE p.id > %(pb)s
            """,
            {**params, "ab": self.acc_base},
        )

    # -- appeals ------------------------------------------------------------------------------

    def appeals(self) -> None:
        s = self.s
        self.appeal_base = _base(Appeal)
        params = {
            "n": s.appeals,
            "nacc": s.accounts,
            "b": self.appeal_base,
            "end": f"{END} 10:00:00+05",
            "step": DAYS * 86400.0 / s.appeals,
        }
        # Older than 30 days: closed (a few left open, overdue); newer: the open states.
        status = """CASE WHEN i %% 50 = 0 THEN 'not_registered'
            WHEN age > 30 THEN CASE WHEN i %% 200 = 1 THEN 'in_work'
                WHEN i %% 20 = 3 THEN 'official_response_sent'
                WHEN i %% 20 = 7 THEN 'forwarded' ELSE 'closed' END
            WHEN age > 20 THEN 'official_response_sent'
            WHEN age > 3 THEN CASE WHEN i %% 2 = 0 THEN 'in_work'
                ELSE 'first_response_given' END
            ELSE 'registered' END"""
        _sql("DROP TABLE IF EXISTS b_app")
        _sql(
            f"""
            CREATE TEMP TABLE b_app ON COMMIT DROP AS
            SELECT i, a.id AS account_id, a.org_id, a.actor, t.received, t.day, t.age,
                {status} AS status
            FROM generate_series(1, %(n)s) i
            JOIN b_acc a ON a.ai = (i - 1) %% %(nacc)s + 1
            CROSS JOIN LATERAL (SELECT %(end)s::timestamptz
                - make_interval(secs => (i - 1) * %(step)s) AS received) r
            CROSS JOIN LATERAL (SELECT r.received,
                (r.received AT TIME ZONE 'Asia/Almaty')::date AS day,
                %(endday)s::date - (r.received AT TIME ZONE 'Asia/Almaty')::date AS age) t
            """,
            {**params, "endday": END},
        )
        _sql(
            """
            INSERT INTO appeals_appeal (id, archive_reason, organization_id, status, year,
                sequence, number, not_registered_reason, received_at, registered_on, channel,
                official_account_id, channel_account, author_name, author_contacts,
                author_other, text, kind, topic, is_confidential, processing_basis,
                privacy_notice, assignee_id, first_response_due, official_response_due,
                official_response_due_original, calendar_version, first_response_on,
                first_response_channel, first_response_text, first_response_letter_number,
                forwarded_to_name, forwarded_on, forwarded_late, forward_reason,
                official_response_on, official_response_number, official_response_text,
                official_response_document, outcome, closed_at, created_by_id, created_at)
            SELECT %(b)s + i, '', org_id, status,
                CASE WHEN status <> 'not_registered' THEN extract(year FROM day)::int END,
                CASE WHEN status <> 'not_registered' THEN row_number() OVER (
                    PARTITION BY org_id, extract(year FROM day), status = 'not_registered'
                    ORDER BY i DESC) END,
                CASE WHEN status <> 'not_registered' THEN extract(year FROM day)::int || '-'
                    || row_number() OVER (PARTITION BY org_id, extract(year FROM day),
                        status = 'not_registered' ORDER BY i DESC) ELSE '' END,
                CASE WHEN status = 'not_registered' THEN 'Спам' ELSE '' END,
                received, day, 'telegram', account_id, '', 'Автор ' || i,
                '+7 700 ' || lpad((i %% 10000000)::text, 7, '0'), '',
                'Өтініш мәтіні № ' || i || '. Жалақы уақытында төленбеді.',
                (ARRAY['application', 'complaint', 'proposal', 'information_request',
                    'other'])[i %% 5 + 1],
                (ARRAY['labour_rights', 'pay', 'social_support', 'organizational',
                    'other'])[i %% 5 + 1],
                false,
                CASE WHEN status <> 'not_registered' THEN 'consent' ELSE '' END,
                CASE WHEN status <> 'not_registered' THEN 'account_notice' ELSE '' END,
                CASE WHEN status <> 'not_registered' THEN actor END,
                CASE WHEN status <> 'not_registered' THEN day + 3 END,
                CASE WHEN status <> 'not_registered' THEN day + 21 END,
                CASE WHEN status <> 'not_registered' THEN day + 21 END,
                'bench',
                CASE WHEN status NOT IN ('not_registered', 'registered') THEN day + 1 END,
                CASE WHEN status NOT IN ('not_registered', 'registered') THEN 'same_network'
                    ELSE '' END,
                CASE WHEN status NOT IN ('not_registered', 'registered')
                    THEN 'Өтінішіңіз қабылданды.' ELSE '' END,
                '',
                CASE WHEN status = 'forwarded' THEN 'Еңбек инспекциясы' ELSE '' END,
                CASE WHEN status = 'forwarded' THEN day + 2 END,
                false,
                CASE WHEN status = 'forwarded' THEN 'Құзыреті бойынша' ELSE '' END,
                CASE WHEN status IN ('official_response_sent', 'closed') THEN day + 10 END,
                CASE WHEN status IN ('official_response_sent', 'closed') THEN 'Ж-' || i
                    ELSE '' END,
                CASE WHEN status IN ('official_response_sent', 'closed')
                    THEN 'Ресми жауап мәтіні.' ELSE '' END,
                '',
                CASE WHEN status = 'closed' THEN (ARRAY['explanation', 'forwarded',
                    'official_response'])[i %% 3 + 1]
                    WHEN status = 'forwarded' THEN 'forwarded' ELSE '' END,
                CASE WHEN status = 'closed' THEN received + interval '12 days' END,
                actor, received
            FROM b_app
            """,
            params,
        )
        _sql(
            """
            INSERT INTO appeals_registrationcounter (organization_id, year, last)
            SELECT organization_id, year, max(sequence) FROM appeals_appeal
            WHERE id > %s AND sequence IS NOT NULL GROUP BY organization_id, year
            """,
            [self.appeal_base],
        )

    # -- audit trail --------------------------------------------------------------------------

    def audit(self) -> None:
        s = self.s
        ct = ContentType.objects.get_for_model
        pub_actions = sorted(k for k in audit._ACTIONS if k.startswith("content.publication."))
        appeal_actions = sorted(k for k in audit._ACTIONS if k.startswith("appeals.appeal."))
        account_actions = sorted(k for k in audit._ACTIONS if k.startswith("registry.account."))
        _sql(
            """
            INSERT INTO accounts_auditentry (created_at, actor_id, action, organization_id,
                content_type_id, object_id, object_repr, changes, comment)
            SELECT %(end)s::timestamptz - make_interval(secs => (%(n)s - j) * %(step)s),
                a.actor,
                CASE WHEN j %% 10 < 6 THEN (%(pa)s::text[])[j %% %(npa)s + 1]
                    WHEN j %% 10 < 9 THEN (%(aa)s::text[])[j %% %(naa)s + 1]
                    ELSE (%(ra)s::text[])[j %% %(nra)s + 1] END,
                a.org_id,
                CASE WHEN j %% 10 < 6 THEN %(ctp)s WHEN j %% 10 < 9 THEN %(cta)s
                    ELSE %(ctr)s END,
                (CASE WHEN j %% 10 < 6 THEN %(pb)s + o.p WHEN j %% 10 < 9 THEN %(ab)s + o.q
                    ELSE a.id END)::text,
                CASE WHEN j %% 10 < 6 THEN 'Жаңалық № ' || o.p WHEN j %% 10 < 9
                    THEN 'Өтініш ' || o.q ELSE 'Арна ' || a.ai END,
                CASE WHEN j %% 4 = 0 THEN '{"status": ["draft", "submitted"]}'::jsonb
                    ELSE '{}'::jsonb END,
                ''
            FROM generate_series(1, %(n)s) j
            CROSS JOIN LATERAL (SELECT (j * 7) %% %(np)s + 1 AS p,
                (j * 3) %% %(nq)s + 1 AS q) o
            JOIN b_acc a ON a.ai = CASE WHEN j %% 10 < 6 THEN (o.p - 1) %% %(nacc)s + 1
                WHEN j %% 10 < 9 THEN (o.q - 1) %% %(nacc)s + 1
                ELSE (j - 1) %% %(nacc)s + 1 END
            """,
            {
                "n": s.audit,
                "end": f"{END} 18:00:00+05",
                "step": DAYS * 86400.0 / s.audit,
                "pa": pub_actions,
                "npa": len(pub_actions),
                "aa": appeal_actions,
                "naa": len(appeal_actions),
                "ra": account_actions,
                "nra": len(account_actions),
                "ctp": ct(Publication).pk,
                "cta": ct(Appeal).pk,
                "ctr": ct(OfficialAccount).pk,
                "pb": self.pub_base,
                "ab": self.appeal_base,
                "np": s.publications,
                "nq": s.appeals,
                "nacc": s.accounts,
            },
        )

    # -- reports ------------------------------------------------------------------------------

    def reports(self) -> None:
        from reports.compute import compute, to_json

        primary = Organization.objects.get(
            pk=_sql("SELECT id FROM b_org WHERE rn = %s", [self.primary_rn])[0][0]
        )
        data = json.dumps(to_json(compute(primary, *H1_2026)))
        for (start, end), accepted_below in ((H1_2026, 7), (H2_2025, 9)):
            _sql(
                """
                INSERT INTO reports_report (archive_reason, organization_id, starts_on,
                    ends_on, status, responsible_id, responsible_name, responsible_position,
                    responsible_position_ru, data, computed_at, goals, priorities, disputes,
                    risks, prevention, elected_bodies, legal_service, problems, causes, plans,
                    assessment, goal_choices, risk_choices, goals_ru, priorities_ru,
                    disputes_ru, risks_ru, prevention_ru, elected_bodies_ru, legal_service_ru,
                    problems_ru, causes_ru, plans_ru, assessment_ru, created_by_id, created_at,
                    updated_at, submitted_by_id, submitted_at, decision_comment)
                SELECT '', o.id, %(s)s, %(e)s,
                    CASE WHEN o.rn %% 10 < %(acc)s OR o.rn IN (1, %(rr)s, %(pr)s)
                        THEN 'accepted' WHEN o.rn %% 10 = 7 THEN 'submitted' ELSE 'draft' END,
                    o.chairman, 'Төраға ' || o.rn, 'Төраға', 'Председатель', %(data)s::jsonb,
                    now(), 'Мақсаттар', 'Басымдықтар', '', '', '', '', '', '', '', '', '',
                    '[]'::jsonb, '[]'::jsonb, '', '', '', '', '', '', '', '', '', '', '',
                    o.actor, now(), now(),
                    CASE WHEN o.rn %% 10 < 8 OR o.rn IN (1, %(rr)s, %(pr)s) THEN o.actor END,
                    CASE WHEN o.rn %% 10 < 8 OR o.rn IN (1, %(rr)s, %(pr)s) THEN now() END, ''
                FROM b_org o WHERE o.rn %% 10 <> 9 OR o.rn IN (1, %(rr)s, %(pr)s)
                """,
                {
                    "s": start,
                    "e": end,
                    "acc": accepted_below,
                    "rr": self.region_rn,
                    "pr": self.primary_rn,
                    "data": data,
                },
            )

    def sequences(self) -> None:
        for model in MODELS:
            table = _table(model)
            _sql(
                f"""SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                    greatest((SELECT max(id) FROM {table}), 1))"""
            )
