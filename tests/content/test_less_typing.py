"""Issue 13 point 7, less typing: a draft from a plan item is filled from it, the only choice is
made, a post in a language an account does not use says which one it uses and offers to keep
only that text (nothing typed is lost), the demo drafts save unchanged, links are checked
against the account's network."""

import datetime
from datetime import date

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from accounts.exceptions import InvalidTransition
from accounts.models import Role, User
from content import services
from content.models import PlanItem, Publication, PublicationStatus
from tests.checklist.factories import completed, ensure_template
from tests.content.factories import official_account, plan, publication
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db
S = PublicationStatus
CREATE = "content:publication_create"


def draft_data(account, **fields):
    return {
        "title": "Жаңа жарияланым",
        "text_kk": "Қазақша мәтін",
        "text_ru": "Русский текст",
        "kind": "informational",
        "direction": "news",
        "audiences": ["members"],
        "language": "both",
        "accounts": [account.pk],
        "unplanned_reason": "Жедел",
        **fields,
    }


def pks(values) -> list[int]:
    return [getattr(v, "pk", v) for v in values or []]


# Prefill from a plan item and the only choice preselected -------------------------------------


def test_a_draft_from_a_plan_item_is_filled_from_it(client, cast):
    account = official_account(cast.own, administrator=cast.alice, languages="kk")
    official_account(cast.own, languages="ru")  # a second account: none is preselected
    item = PlanItem.objects.create(
        plan=plan(cast.own, cast.alice, status="approved"),
        topic="Ұжымдық шарт",
        kind="legal",
        direction="rights",
        audiences=["members"],
        language="kk",
        planned_on=date(2026, 11, 20),
    )
    item.accounts.add(account)
    client.force_login(cast.alice)
    response = client.get(reverse(CREATE) + f"?plan_item={item.pk}")
    form = response.context["form"]
    assert form["title"].value() == "Ұжымдық шарт"
    assert (form["kind"].value(), form["direction"].value()) == ("legal", "rights")
    assert form["language"].value() == "kk" and form["audiences"].value() == ["members"]
    assert pks(form["accounts"].value()) == [account.pk]
    assert form["planned_at"].value().date() == date(2026, 11, 20)
    assert response.context["organization"] == cast.own


def test_a_plan_item_of_another_of_my_organizations_sets_the_organization(client, cast):
    MembershipFactory(user=cast.alice, organization=cast.child, role=Role.ADMINISTRATOR)
    account = official_account(cast.child, administrator=cast.alice)
    item = PlanItem.objects.create(
        plan=plan(cast.child, cast.alice, status="approved"),
        topic="Еншілес ұйым жаңалығы",
        kind="informational",
        direction="news",
        audiences=["members"],
        language="both",
        planned_on=date(2026, 11, 20),
    )
    client.force_login(cast.alice)
    response = client.get(reverse(CREATE) + f"?plan_item={item.pk}")
    assert response.context["organization"] == cast.child
    # The plan fixed no account: the organization's only one is chosen.
    assert pks(response.context["form"]["accounts"].value()) == [account.pk]
    data = draft_data(account, title="Еншілес ұйым жаңалығы")
    response = client.post(reverse(CREATE) + f"?plan_item={item.pk}", data)
    created = Publication.objects.get()
    assert (created.organization, created.plan_item) == (cast.child, item)


def test_who_drafts_for_several_organizations_chooses_one(client, cast):
    MembershipFactory(user=cast.alice, organization=cast.child, role=Role.ADMINISTRATOR)
    account = official_account(cast.child, languages="kk")
    client.force_login(cast.alice)
    page = client.get(reverse(CREATE))
    assert page.context["chooser"] is not None
    assert b'data-testid="choose-organization"' in page.content
    page = client.get(reverse(CREATE) + f"?organization={cast.child.pk}")
    assert page.context["organization"] == cast.child
    assert pks(page.context["form"]["accounts"].value()) == [account.pk]
    # Who drafts for one organization is not asked.
    client.force_login(cast.sam)
    page = client.get(reverse(CREATE))
    assert page.context["chooser"] is None
    assert b"choose-organization" not in page.content


def test_the_only_account_and_its_only_language_are_preselected(client, cast):
    account = official_account(cast.own, languages="ru")
    client.force_login(cast.alice)
    form = client.get(reverse(CREATE)).context["form"]
    assert pks(form["accounts"].value()) == [account.pk]
    assert form["language"].value() == "ru"
    assert response_organization(client) == cast.own


def response_organization(client):
    return client.get(reverse(CREATE)).context["organization"]


def test_with_several_accounts_nothing_is_chosen_for_the_user(client, cast):
    official_account(cast.own, languages="kk")
    official_account(cast.own, languages="both")
    client.force_login(cast.alice)
    form = client.get(reverse(CREATE)).context["form"]
    assert not form["accounts"].value()
    assert not form["language"].value()


# A bilingual post to a single-language account ------------------------------------------------


def test_the_single_language_error_names_the_account_and_its_language(client, cast):
    account = official_account(cast.own, languages="kk", display_name="Қазақша арна")
    client.force_login(cast.alice)
    response = client.post(reverse(CREATE), draft_data(account))
    errors = response.context["form"].errors["accounts"]
    # The page speaks Kazakh (the default): the message of that meaning, in Kazakh.
    with translation.override("kk"):
        expected = translation.gettext(
            "“%(account)s” publishes in Kazakh only, and this post has both texts: keep only "
            "the Kazakh text or choose another account."
        ) % {"account": "Қазақша арна"}
    assert errors == [expected] and "Қазақша арна" in expected
    assert not Publication.objects.exists()
    # Nothing typed is lost, and the page offers the one click that fixes it.
    assert "Русский текст" in response.content.decode()
    assert response.context["keep_only"][0] == "kk"
    assert b'name="keep_only" value="kk"' in response.content


def test_keep_only_the_accounts_language_saves_that_text(client, cast):
    account = official_account(cast.own, languages="ru")
    client.force_login(cast.alice)
    response = client.post(reverse(CREATE), {**draft_data(account), "keep_only": "ru"})
    created = Publication.objects.get()
    assert response.url == reverse("content:publication_detail", args=[created.pk])
    assert created.language == "ru"
    version = created.current_version
    assert (version.text_kk, version.text_ru) == ("", "Русский текст")


def test_a_post_in_the_other_language_says_which_one_the_account_uses(client, cast):
    account = official_account(cast.own, languages="ru", display_name="Орыс арнасы")
    client.force_login(cast.alice)
    data = draft_data(account, language="kk", text_ru="")
    response = client.post(reverse(CREATE), data)
    errors = response.context["form"].errors["accounts"]
    with translation.override("kk"):
        expected = translation.gettext(
            "“%(account)s” publishes in Russian only, and this post is in Kazakh: write it in "
            "Russian or choose another account."
        ) % {"account": "Орыс арнасы"}
    assert errors == [expected] and "Орыс арнасы" in expected
    assert response.context["keep_only"] is None  # there is no Russian text to keep


def test_accounts_of_two_single_languages_get_no_one_click_fix(client, cast):
    kk = official_account(cast.own, languages="kk")
    ru = official_account(cast.own, languages="ru")
    client.force_login(cast.alice)
    data = {**draft_data(kk), "accounts": [kk.pk, ru.pk]}
    response = client.post(reverse(CREATE), data)
    assert len(response.context["form"].errors["accounts"]) == 2
    assert response.context["keep_only"] is None


def test_editing_offers_the_same_fix(client, cast):
    account = official_account(cast.own, administrator=cast.alice, languages="kk")
    p = publication(cast.own, cast.alice, account=account, language="kk")
    client.force_login(cast.alice)
    url = reverse("content:publication_edit", args=[p.pk])
    data = draft_data(account, version=1)
    response = client.post(url, data)
    assert response.context["keep_only"][0] == "kk"
    response = client.post(url, {**data, "keep_only": "kk"})
    assert response.status_code == 302
    p.refresh_from_db()
    assert (p.language, p.current_version.text_ru) == ("kk", "")


# The demo's drafts save unchanged -------------------------------------------------------------


def unchanged(form) -> dict:
    """What the browser posts for the form as it was rendered."""
    data = {}
    for field in form:
        if field.field.disabled:
            continue
        value = field.value()
        if value is None or value is False or value == "":
            continue
        if value is True:
            value = "on"
        elif isinstance(value, datetime.datetime):
            value = value.strftime("%Y-%m-%dT%H:%M")  # the form shows it in local time
        elif isinstance(value, list | tuple):
            value = [getattr(v, "pk", v) for v in value]
        data[field.html_name] = value
    return data


def test_every_demo_draft_saves_unchanged_as_its_administrator(client):
    ensure_template()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    drafts = list(
        Publication.objects.filter(status__in=[S.DRAFT, S.RETURNED]).select_related(
            "organization", "current_version", "author"
        )
    )
    assert len(drafts) >= 4
    for draft in drafts:
        administrator = User.objects.filter(
            memberships__organization=draft.organization, memberships__role=Role.ADMINISTRATOR
        ).first()
        client.force_login(administrator)
        url = reverse("content:publication_edit", args=[draft.pk])
        page = client.get(url)
        assert page.status_code == 200, draft
        data = {**unchanged(page.context["form"]), "version": draft.current_version.number}
        response = client.post(url, data)
        assert response.status_code == 302, (draft, response.context["form"].errors)


# Links are checked against the account's network on the server too (R4.1) -----------------------


@pytest.mark.parametrize(
    ("network", "url", "wrong"),
    [
        ("instagram", "https://instagram.com/own_ig", "https://t.me/own_ig/5"),
        ("facebook", "https://facebook.com/own_fb", "https://vk.com/wall-1_2"),
        ("vk", "https://vk.com/own_vk", "https://facebook.com/own_vk/posts/1"),
        ("youtube", "https://youtube.com/@own_yt", "https://tiktok.com/@own_yt/video/1"),
    ],
)
def test_r4_1_a_link_of_another_network_is_refused_when_published(cast, network, url, wrong):
    ensure_template()
    account = official_account(
        cast.own,
        administrator=cast.alice,
        network=network,
        url=url,
        normalized_url=url.replace("https://", ""),
    )
    p = publication(cast.own, cast.alice, account=account, is_urgent=True)
    completed(p.current_version, cast.alice)
    with pytest.raises(InvalidTransition) as caught:
        services.publication_publish_urgent(
            actor=cast.alice, publication=p, links={account.pk: wrong}, reason="Бүгін"
        )
    assert caught.value.rule == "R4.1"


def test_the_form_page_gives_the_script_each_accounts_network_and_hosts(client, cast):
    account = official_account(
        cast.own,
        network="instagram",
        url="https://instagram.com/own_ig",
        normalized_url="instagram.com/own_ig",
    )
    client.force_login(cast.alice)
    data = client.get(reverse(CREATE)).context["compose_data"]
    entry = data["accounts"][str(account.pk)]
    assert entry["hosts"] == ["instagr.am", "instagram.com"]
    assert (entry["text"], entry["hashtags"]) == (2200, 30)
