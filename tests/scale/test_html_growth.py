"""Issue 14: no main page's HTML grows with the number of organizations.

The Central Committee's chairman opens the main pages with 6 organizations and again with 60
(new regions, districts and primaries, each with an official account, a publication, a content
plan, an appeal and a half-year report). The 6 organizations already hold more than a page of
every list (so page-sized lists are full in both runs): what may differ is a constant, never a
list of the organizations. A page passes with less than +10 KB or ×1.3 of its first size."""

import re
from datetime import date

import pytest
from django.urls import reverse

from accounts.models import OrganizationKind, Role
from appeals.models import Appeal
from content.models import ContentPlan, PublicationStatus
from reports.models import Report, ReportStatus
from tests.appeals.factories import register
from tests.content.factories import official_account, plan, publication
from tests.factories import MembershipFactory, OrganizationFactory, UserFactory

pytestmark = pytest.mark.django_db

SLACK_BYTES = 10 * 1024
SLACK_RATIO = 1.3
FILL = 55  # more than a page (50) of every list, before the tree grows
H1 = (date(2026, 1, 1), date(2026, 6, 30))


class Union:
    def __init__(self):
        self.root = OrganizationFactory(
            kind=OrganizationKind.CENTRAL_COMMITTEE, name_kk="Орталық комитет", name_ru="ЦК"
        )
        self.chairman = UserFactory(username="cc-chairman")
        MembershipFactory(user=self.chairman, organization=self.root, role=Role.CHAIRMAN)
        self.count = 1
        self.regions, self.districts = [], []

    def add(self, parent, kind, name):
        org = OrganizationFactory(parent=parent, kind=kind, name_kk=name, name_ru=name)
        admin = UserFactory()
        MembershipFactory(user=admin, organization=org, role=Role.ADMINISTRATOR)
        account = official_account(org, administrator=admin)
        publication(org, admin, account=account, title=f"{name} жаңалығы")
        plan(org, admin)
        register(admin, org)
        Report.objects.create(
            organization=org, starts_on=H1[0], ends_on=H1[1], status=ReportStatus.SUBMITTED
        )
        self.count += 1
        return org

    def grow_to(self, total):
        """Regions, then districts, then primaries, round-robin, until `total` organizations."""
        while self.count < total:
            n = self.count
            if len(self.regions) < 1 + n // 20:
                self.regions.append(
                    self.add(self.root, OrganizationKind.REGIONAL, f"Облыс ұйымы {n}")
                )
            elif len(self.districts) < 1 + n // 8:
                region = self.regions[n % len(self.regions)]
                self.districts.append(
                    self.add(region, OrganizationKind.CITY_DISTRICT, f"Аудан ұйымы {n}")
                )
            else:
                district = self.districts[n % len(self.districts)]
                self.add(district, OrganizationKind.PRIMARY, f"Бастауыш ұйым {n}")


@pytest.fixture
def union():
    u = Union()
    u.grow_to(6)
    # More than a page of everything the lists show, in the first six organizations.
    author = UserFactory()
    MembershipFactory(user=author, organization=u.root, role=Role.ADMINISTRATOR)
    account = official_account(u.root, administrator=author)
    for i in range(FILL):
        publication(u.root, author, account=account, title=f"Жаңалық {i}")
        register(u.chairman, u.root)
        official_account(u.root, url=f"https://t.me/fill_{i}", normalized_url=f"t.me/fill_{i}")
        plan(
            u.root,
            author,
            starts=date(2020 + i // 12, 1 + i % 12, 1),
            ends=date(2020 + i // 12, 1 + i % 12, 28),
            status=ContentPlan.Status.APPROVED,
        )
        Report.objects.create(
            organization=u.root,
            starts_on=date(1970 + i, 1, 1),
            ends_on=date(1970 + i, 6, 30),
            status=ReportStatus.DRAFT,
        )
    publication(u.root, author, account=account, status=PublicationStatus.PUBLISHED)
    return u


PAGES = {
    "home": lambda u: reverse("accounts:home"),
    "publication list": lambda u: reverse("content:publications"),
    "plan list": lambda u: reverse("content:plans"),
    "calendar": lambda u: reverse("content:calendar"),
    "register": lambda u: reverse("registry:list"),
    "appeal list": lambda u: reverse("appeals:list"),
    "appeal detail": lambda u: reverse(
        "appeals:detail",
        args=[Appeal.objects.filter(organization=u.root).order_by("pk").first().pk],
    ),
    "report list": lambda u: reverse("reports:list"),
    "dashboard": lambda u: reverse("reports:dashboard"),
    "roll-up": lambda u: reverse("reports:rollup"),
}


def size(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    html = response.content.decode()
    # Tokens that differ on every render are not the page.
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'name="once_token" value="[^"]+"', "", html)
    return len(html.encode())


def test_no_main_page_grows_with_the_number_of_organizations(client, union):
    client.force_login(union.chairman)
    urls = {page: url(union) for page, url in PAGES.items()}
    small = {page: size(client, url) for page, url in urls.items()}
    union.grow_to(60)
    large = {page: size(client, url) for page, url in urls.items()}
    grown = [
        f"{page}: {small[page]:,} bytes with 6 organizations, {large[page]:,} with 60"
        for page in PAGES
        if large[page] > small[page] + SLACK_BYTES and large[page] > small[page] * SLACK_RATIO
    ]
    assert not grown, "\n".join(grown)
