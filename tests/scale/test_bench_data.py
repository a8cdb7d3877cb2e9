"""make bench (issue 14, point 7): the generator makes consistent data at the tiny size — counts
in proportion to the union's, every model's validation and constraints satisfied, numbering and
the tree sound — and a second call reuses it. The peers and the report of the load run."""

from datetime import date

import pytest
from django.db import connection
from django.db.models import Count, F, Max

from accounts.models import AuditEntry, Membership, Organization, Role, User
from appeals.models import Appeal, RegistrationCounter
from bench import generate, load
from content.models import Publication, PublicationVersion
from reports.models import Report
from tests.conftest import need_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def tiny():
    if connection.vendor != "postgresql":
        need_service("PostgreSQL", "bench data is generated with PostgreSQL's generate_series")
    return generate.ensure("tiny", log=lambda *a: None)


def test_counts_are_the_union_in_proportion(tiny):
    assert not tiny.reused
    large, spec = generate.SIZES["large"], generate.SIZES["tiny"]
    got = tiny.counts
    assert got["accounts.Organization"] == spec.organizations
    assert got["registry.OfficialAccount"] == spec.accounts
    assert got["content.Publication"] == spec.publications
    assert got["appeals.Appeal"] == spec.appeals
    assert got["accounts.AuditEntry"] == spec.audit
    # The same shape as the large size: per organization, within a few per cent.
    for label, n in (
        ("content.Publication", large.publications),
        ("appeals.Appeal", large.appeals),
        ("accounts.AuditEntry", large.audit),
        ("registry.OfficialAccount", large.accounts),
    ):
        ratio = (got[label] / spec.organizations) / (n / large.organizations)
        assert 0.95 <= ratio <= 1.05, (label, ratio)
    # A version for every publication, a second for every tenth; a chairman everywhere, an
    # administrator in every primary.
    assert got["content.PublicationVersion"] == spec.publications + spec.publications // 10
    primaries = Organization.objects.filter(depth=4).count()
    assert Membership.objects.filter(role=Role.CHAIRMAN).count() == spec.organizations
    assert Membership.objects.filter(role=Role.ADMINISTRATOR).count() == primaries


def test_every_model_validates(tiny):
    """full_clean (fields, choices, validators, unique and check constraints) on the first and
    last rows of each generated model; stored files are names only, not validated."""
    for model in generate.MODELS:
        rows = list(model.objects.order_by("pk")[:3]) + list(model.objects.order_by("-pk")[:3])
        assert rows, model
        files = [f.name for f in model._meta.fields if f.get_internal_type() == "FileField"]
        for row in rows:
            row.full_clean(exclude=[*files, "password"])


def test_tree_numbering_and_links_are_sound(tiny):
    assert not any(Organization.objects.find_problems())
    root = Organization.objects.get(depth=1)
    assert root.numchild == generate.SIZES["tiny"].regions
    assert (
        Organization.objects.filter(path__startswith=root.path).count()
        == generate.SIZES["tiny"].organizations
    )
    # Appeal numbers are gap-free per organization and year, and the counter holds the last.
    groups = (
        Appeal.objects.exclude(sequence=None)
        .values("organization", "year")
        .annotate(n=Count("pk"), last=Max("sequence"))
    )
    for group in groups:
        assert group["n"] == group["last"]
        counter = RegistrationCounter.objects.get(
            organization=group["organization"], year=group["year"]
        )
        assert counter.last == group["last"]
    assert not Appeal.objects.filter(status="not_registered").exclude(number="").exists()
    # A publication's current version is its own, the newest.
    assert not Publication.objects.exclude(current_version__publication=F("pk")).exists()
    latest = PublicationVersion.objects.filter(number=2).values_list("publication", flat=True)
    assert set(
        Publication.objects.filter(pk__in=latest).values_list("current_version__number", flat=True)
    ) == {2}
    # Audit entries name registered actions of the organization of their object.
    from accounts import audit

    assert set(AuditEntry.objects.values_list("action", flat=True)) <= set(audit._ACTIONS)
    assert not AuditEntry.objects.filter(organization=None).exists()
    # The three people of the load run.
    assert Membership.objects.filter(
        user__username=generate.CC_CHAIRMAN, organization=root, role=Role.CHAIRMAN
    ).exists()
    assert Membership.objects.filter(
        user__username=generate.REGION_CHAIRMAN, organization__depth=2, role=Role.CHAIRMAN
    ).exists()
    assert Membership.objects.filter(
        user__username=generate.PRIMARY_ADMIN, organization__depth=4, role=Role.ADMINISTRATOR
    ).exists()
    assert User.objects.get(username=generate.CC_CHAIRMAN).check_password(generate.PASSWORD)
    assert Report.objects.filter(organization=root, starts_on=date(2026, 1, 1)).exists()


def test_a_second_call_reuses_the_data(tiny):
    before = generate.counts()
    again = generate.ensure("tiny", log=lambda *a: None)
    assert again.reused
    assert generate.counts() == before == again.counts
    # Another size over this data is refused, never mixed in.
    with pytest.raises(generate.StaleData):
        generate.ensure("small", log=lambda *a: None)


@pytest.mark.urls("tests.scale.bench_urls")
def test_the_peers(client, cast):
    """The bare view, the layout floor and the read-only admin changelist (bench/peers.py)."""
    assert client.get("/bench/bare/").content == b"ok"
    assert client.get("/bench/floor/").status_code == 302  # signed-in people only
    client.force_login(cast.alice)
    floor = client.get("/bench/floor/")
    assert floor.status_code == 200
    assert b'id="main"' in floor.content
    assert client.get("/bench/admin/appeals/appeal/").status_code == 200
    assert client.get("/bench/admin/content/publication/").status_code == 200


def test_the_peers_are_not_mounted_by_default(client):
    assert client.get("/bench/bare/").status_code == 404


def test_the_report_marks_each_figure(tmp_path, monkeypatch):
    def stats(rps, p95=100.0, errors=0):
        return {"rps": rps, "p50": 50.0, "p95": p95, "p99": p95, "errors": errors}

    report = {
        "size": "tiny",
        "machine": {
            "date": "2026-11-30 09:00 UTC",
            "cpus": "2",
            "cpu": "x",
            "memory": "24 GiB",
            "postgresql": "15",
            "python": "3.11",
            "load": "1 / 1 / 1",
        },
        "data": {"seconds": 5, "counts": {"content.Publication": 1000}},
        "workers": 3,
        "concurrency": 20,
        "requests_per_page": 30,
        "pages": {
            "CC chairman": [
                {
                    "page": "home",
                    "status": 200,
                    "queries": 12,
                    "html_bytes": 20_000,
                    "load": {
                        "page": stats(50),
                        "bare": stats(300),
                        "floor": stats(100),
                        "admin": stats(5),
                    },
                },
                {
                    "page": "roll-up",
                    "status": 200,
                    "queries": 30,
                    "html_bytes": 300_000,
                    "load": {
                        "page": stats(10, p95=900, errors=2),
                        "bare": stats(300),
                        "floor": stats(100),
                        "admin": stats(5),
                    },
                },
                {"page": "dashboard", "status": 403, "queries": 0, "html_bytes": 0, "load": {}},
            ]
        },
        "jobs": {"report numbers: union": 1.0, "PDF: x": 12.0, "reminders: y": 0.5},
        "rss_mb": {1: 120.0, 2: 260.0},
    }
    text = load.render(report)
    home = next(line for line in text.splitlines() if line.startswith("| home "))
    rollup = next(line for line in text.splitlines() if line.startswith("| roll-up "))
    assert "✗" not in home and home.count("✓") == 6
    assert rollup.count("✗") == 6
    assert "| dashboard | — (status 403)" in text
    assert "| PDF: x | 12.00 | ≤ 10 s ✗ |" in text
    assert "260 MB — target ≤ 250 MB ✗" in text
    doc = tmp_path / "benchmarks.md"
    doc.write_text(f"# B\n\n{load.START}\nold\n{load.END}\n\n## Other\n")
    monkeypatch.setattr(load, "DOCS", doc)
    load.write_docs(text)
    written = doc.read_text()
    assert "old" not in written and "| home " in written and written.endswith("## Other\n")
