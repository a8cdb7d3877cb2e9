"""The inbox pages: one organization's messages, another's answer 404; the list runs a constant
number of queries; the menu shows the new messages in one query."""

import pytest
from django.urls import reverse

from inbox import services
from inbox.models import Status
from tests.inbox.factories import message

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("frozen")]


@pytest.mark.parametrize("name", ["inbox:detail", "inbox:convert"])
def test_another_organizations_message_answers_404(client, account, sibling_account, cast, name):
    theirs = message(sibling_account)
    client.force_login(cast.alice)
    assert client.get(reverse(name, args=[theirs.pk])).status_code == 404
    for step in ("reply", "hide", "delete"):
        response = client.post(reverse("inbox:step", args=[theirs.pk, step]), {"ground": "spam"})
        assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.status == Status.NEW


def test_the_list_shows_only_the_users_subtree(client, account, sibling_account, cast):
    mine, theirs = message(account, text="Біздікі"), message(sibling_account, text="Олардікі")
    client.force_login(cast.alice)
    html = client.get(reverse("inbox:list")).content.decode()
    assert "Біздікі" in html and "Олардікі" not in html
    client.force_login(cast.paula)  # the chairman above both
    html = client.get(reverse("inbox:list")).content.decode()
    assert "Біздікі" in html and "Олардікі" in html
    assert mine.pk and theirs.pk


def test_a_lawyer_has_no_inbox(client, account, cast):
    m = message(account)
    client.force_login(cast.lara)
    assert client.get(reverse("inbox:list")).status_code == 403
    assert client.get(reverse("inbox:detail", args=[m.pk])).status_code == 403


def test_the_status_filter(client, account, cast):
    message(account, text="Жаңа хабар")
    hidden = message(account, text="Жасырылған хабар")
    services.hide(actor=cast.alice, message=hidden, ground="spam")
    client.force_login(cast.alice)
    html = client.get(reverse("inbox:list"), {"status": "hidden"}).content.decode()
    assert "Жасырылған хабар" in html and "Жаңа хабар" not in html
    html = client.get(reverse("inbox:list"), {"status": "bogus"}).content.decode()
    assert "Жасырылған хабар" in html and "Жаңа хабар" in html


def test_the_list_runs_a_constant_number_of_queries(
    client, account, sibling_account, cast, django_assert_max_num_queries
):
    client.force_login(cast.paula)
    for _ in range(3):
        message(account)
    client.get(reverse("inbox:list"))
    with django_assert_max_num_queries(14) as few:
        assert client.get(reverse("inbox:list")).status_code == 200
    for _ in range(30):
        message(account)
        message(sibling_account)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("inbox:list")).status_code == 200


def test_the_menu_entry_counts_the_new_messages_in_one_query(
    client, account, cast, django_assert_num_queries
):
    from accounts import navigation

    for _ in range(3):
        message(account)
    services.hide(actor=cast.alice, message=message(account), ground="spam")
    cast.alice.refresh_from_db()
    (item,) = [i for i in navigation.items_for(cast.alice) if i["name"] == "inbox"]
    assert item["badge"] == 3
    with django_assert_num_queries(1):
        services.open_count(cast.alice)
    assert not [i for i in navigation.items_for(cast.lara) if i["name"] == "inbox"]
