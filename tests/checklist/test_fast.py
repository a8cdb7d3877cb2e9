"""Issue 13, point 2: the checklist in a minute — "the rest of this section: yes" in one request,
progress and the signature form after each save, the legal review's rounds and thread, and one
notice to the administrator per round."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.exceptions import InvalidTransition
from accounts.models import AuditEntry, Notification
from checklist import services
from checklist.models import Answer, RouteMessage, RouteRound, TemplateSection, TemplateVersion
from tests.checklist.factories import completed, item, items

pytestmark = pytest.mark.django_db

FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def section(code):
    return TemplateSection.objects.get(template=TemplateVersion.objects.current(), code=code)


def url(name, version, *args):
    return reverse(f"checklist:{name}", args=[version.pk, *args])


def legal():
    return [i for i in items() if i.is_legal]


def told(user):
    return Notification.objects.filter(recipient=user, kind="checklist.legal_answered").count()


# The service ------------------------------------------------------------------------------


def test_the_rest_of_a_section_answers_only_its_unanswered_items_yes(cast, version):
    services.answers_save(
        version=version, actor=cast.alice, answers={item("CL4.2").pk: ("no", "Эмоция")}
    )
    checklist, saved = services.answer_rest_of_section(
        version=version, actor=cast.alice, section=section("CL4")
    )
    assert sorted(a.item.code for a in saved) == ["CL4.1", "CL4.3", "CL4.4", "CL4.5"]
    answers = {a.item.code: a for a in checklist.answers.select_related("item")}
    assert answers["CL4.2"].value == "no" and answers["CL4.2"].comment == "Эмоция"
    assert {answers[c].value for c in ("CL4.1", "CL4.3", "CL4.4", "CL4.5")} == {"yes"}
    assert {a.answered_by for a in answers.values()} == {cast.alice}
    assert not any(code.startswith("CL5") for code in answers)  # other sections untouched
    # One audit entry for the batch, with every item it answered.
    entry = AuditEntry.objects.filter(action="checklist.answer").latest("pk")
    assert sorted(entry.changes) == ["CL4.1", "CL4.3", "CL4.4", "CL4.5"]


def test_cl8_2_the_rest_of_a_section_leaves_items_routed_to_a_lawyer_to_the_lawyer(cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    _checklist, saved = services.answer_rest_of_section(
        version=version, actor=cast.alice, section=section("CL8")
    )
    assert sorted(a.item.code for a in saved) == ["CL8.1", "CL8.3", "CL8.4", "CL8.5"]
    assert not Answer.objects.filter(item__code="CL8.2").exists()
    # The administrator's button answers nothing of the routed legal section.
    _checklist, saved = services.answer_rest_of_section(
        version=version, actor=cast.alice, section=section("CL2")
    )
    assert saved == [] and not Answer.objects.filter(item__section__code="CL2").exists()
    # The lawyer's answers only the items routed to them, under their own name.
    _checklist, saved = services.answer_rest_of_section(
        version=version, actor=cast.lara, section=section("CL8")
    )
    assert [a.item.code for a in saved] == ["CL8.2"]
    assert Answer.objects.get(item__code="CL8.2").answered_by == cast.lara


def test_the_rest_of_a_section_is_one_batch_whatever_the_number_of_items(cast, version):
    def queries(code):
        with CaptureQueriesContext(connection) as ctx:
            services.answer_rest_of_section(
                version=version, actor=cast.alice, section=section(code)
            )
        return len(ctx.captured_queries)

    services.answers_save(
        version=version, actor=cast.alice, answers={item("CL5.1").pk: ("yes", "")}
    )
    eight, five = queries("CL2"), queries("CL3")  # 8 items and 5 items
    assert eight == five
    assert Answer.objects.filter(item__section__code__in=["CL2", "CL3"]).count() == 13


@pytest.mark.parametrize("who", ["charlie", "paula", "sam"])
def test_only_who_may_answer_uses_the_rest_of_a_section(cast, version, who):
    with pytest.raises(PermissionDenied):
        services.answer_rest_of_section(
            version=version, actor=getattr(cast, who), section=section("CL3")
        )
    assert not Answer.objects.exists()


def test_cl8_4_the_rest_of_a_section_of_a_signed_checklist_is_refused(cast, version):
    completed(version, cast.alice)
    before = Answer.objects.count()
    with pytest.raises(InvalidTransition) as error:
        services.answer_rest_of_section(version=version, actor=cast.alice, section=section("CL3"))
    assert error.value.rule == "CL8.4" and Answer.objects.count() == before


def test_a_section_of_another_template_is_refused_and_nothing_saved(cast, version):
    services.answers_save(
        version=version, actor=cast.alice, answers={item("CL3.1").pk: ("yes", "")}
    )
    draft = services.template_copy(template=TemplateVersion.objects.current(), actor=cast.root)
    other = draft.sections.get(code="CL3")
    with pytest.raises(ValidationError):
        services.answer_rest_of_section(version=version, actor=cast.alice, section=other)
    assert Answer.objects.count() == 1


# One notice per round -----------------------------------------------------------------------


def test_cl8_2_the_administrator_is_told_once_per_round(cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    half = legal()[:4]
    services.answers_save(
        version=version, actor=cast.lara, answers={i.pk: ("yes", "") for i in half}
    )
    assert told(cast.alice) == 0  # not before the round is all answered
    services.answers_save(
        version=version, actor=cast.lara, answers={i.pk: ("yes", "") for i in legal()}
    )
    assert told(cast.alice) == 1
    # What used to notify again: a comment typed after the click, an answer changed afterwards.
    services.answers_save(
        version=version, actor=cast.lara, answers={item("CL2.1").pk: ("yes", "Тексерілді")}
    )
    services.answers_save(
        version=version, actor=cast.lara, answers={item("CL2.5").pk: ("no", "Сот шешімі жоқ")}
    )
    assert told(cast.alice) == 1
    assert RouteRound.objects.get().answered_at is not None
    # A new round (a new question) is a new notice when it is answered.
    services.route_items(
        version=version, actor=cast.alice, lawyer=cast.lara, items=[item("CL2.5")], note="Қайта?"
    )
    assert told(cast.alice) == 1
    services.answers_save(version=version, actor=cast.lara, answers={item("CL2.5").pk: ("yes", "")})
    assert told(cast.alice) == 2
    assert RouteRound.objects.count() == 2


def test_cl8_2_the_rest_of_a_section_by_the_lawyer_tells_the_administrator_once(cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    services.answer_rest_of_section(version=version, actor=cast.lara, section=section("CL2"))
    assert told(cast.alice) == 0  # CL8.2 is still open
    services.answer_rest_of_section(version=version, actor=cast.lara, section=section("CL8"))
    services.answer_rest_of_section(version=version, actor=cast.lara, section=section("CL8"))
    assert told(cast.alice) == 1


# The thread ---------------------------------------------------------------------------------


def test_the_lawyer_and_the_administrator_reply_in_the_rounds_thread(cast, version):
    services.route_items(
        version=version, actor=cast.alice, lawyer=cast.lara, items=legal(), note="CL2.5?"
    )
    round_ = RouteRound.objects.get()
    assert round_.note == "CL2.5?" and round_.routes.count() == len(legal())
    services.round_reply(version=version, actor=cast.lara, round_id=round_.pk, text="Дерек керек")
    services.round_reply(version=version, actor=cast.alice, round_id=round_.pk, text="Жіберілді")
    assert [(m.author, m.text) for m in RouteMessage.objects.all()] == [
        (cast.lara, "Дерек керек"),
        (cast.alice, "Жіберілді"),
    ]
    assert Notification.objects.filter(recipient=cast.alice, kind="checklist.reply").count() == 1
    assert Notification.objects.filter(recipient=cast.lara, kind="checklist.reply").count() == 1


@pytest.mark.parametrize(
    ("who", "error"), [("charlie", PermissionDenied), ("sam", PermissionDenied)]
)
def test_only_the_rounds_lawyer_and_the_administrators_reply(cast, version, who, error):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    with pytest.raises(error):
        services.round_reply(
            version=version,
            actor=getattr(cast, who),
            round_id=RouteRound.objects.get().pk,
            text="Сәлем",
        )
    assert not RouteMessage.objects.exists()


@pytest.mark.parametrize("text", ["", "   ", "ы" * 2001])
def test_an_empty_or_too_long_reply_is_refused(cast, version, text):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    with pytest.raises(ValidationError):
        services.round_reply(
            version=version, actor=cast.lara, round_id=RouteRound.objects.get().pk, text=text
        )
    assert not RouteMessage.objects.exists()


# The views ----------------------------------------------------------------------------------


def test_the_section_button_answers_in_one_request_and_says_the_progress(client, cast, version):
    client.force_login(cast.alice)
    html = client.get(url("detail", version)).content.decode()
    assert 'data-testid="rest-yes-CL3"' in html and 'data-role="progressbar"' in html
    response = client.post(url("section_yes", version, section("CL3").pk), **FETCH)
    data = response.json()
    assert response.status_code == 200 and data["ok"]
    assert sorted(r["item"] for r in data["rows"]) == sorted(
        i.pk for i in items() if i.section.code == "CL3"
    )
    assert (data["answered"], data["total"], data["decide_ready"]) == (5, 39, False)


def test_the_last_save_says_the_decision_can_be_signed(client, cast, version):
    client.force_login(cast.alice)
    for code in ("CL2", "CL3", "CL4", "CL5", "CL6", "CL7"):
        data = client.post(url("section_yes", version, section(code).pk), **FETCH).json()
        assert not data["decide_ready"]
    # The last item by the single-answer endpoint: its JSON says the form can come in.
    services.answers_save(
        version=version,
        actor=cast.alice,
        answers={i.pk: ("yes", "") for i in items() if i.code in ("CL8.1", "CL8.2", "CL8.3")},
    )
    services.answers_save(
        version=version, actor=cast.alice, answers={item("CL8.4").pk: ("yes", "")}
    )
    data = client.post(url("answer", version), {"item": item("CL8.5").pk, "value": "yes"}).json()
    assert data["answered"] == data["total"] == 39 and data["decide_ready"] is True
    html = client.get(url("detail", version)).content.decode()
    assert 'data-testid="decision-form"' in html and 'data-role="decision-slot"' in html


def test_the_decision_waits_for_the_lawyer_and_says_why(client, cast, version):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    client.force_login(cast.lara)
    for code in ("CL2", "CL8"):
        client.post(url("section_yes", version, section(code).pk), **FETCH)
    client.force_login(cast.alice)
    for code in ("CL3", "CL4", "CL5", "CL6", "CL7"):
        client.post(url("section_yes", version, section(code).pk), **FETCH)
    data = client.post(url("section_yes", version, section("CL8").pk), **FETCH).json()
    assert data["answered"] == 39 and data["decide_ready"] is True


def test_without_javascript_the_section_button_comes_back_to_the_page(client, cast, version):
    client.force_login(cast.alice)
    response = client.post(url("section_yes", version, section("CL4").pk))
    assert response.status_code == 302 and response.url == url("detail", version)
    assert Answer.objects.filter(item__section__code="CL4").count() == 5


@pytest.mark.parametrize(
    ("who", "status"), [("charlie", 403), ("paula", 403), ("sam", 404), ("sibling_lawyer", 404)]
)
def test_the_section_button_by_role_and_place(client, cast, version, who, status):
    client.force_login(getattr(cast, who))
    response = client.post(url("section_yes", version, section("CL4").pk), **FETCH)
    assert response.status_code == status
    assert not Answer.objects.exists()


def test_an_unknown_section_is_a_clear_error_and_nothing_is_saved(client, cast, version):
    client.force_login(cast.alice)
    response = client.post(url("section_yes", version, 999999), **FETCH)
    assert response.status_code == 400 and response.json()["error"]
    assert not Answer.objects.exists()


def test_the_lawyer_sees_the_question_and_the_thread(client, cast, version):
    services.route_items(
        version=version,
        actor=cast.alice,
        lawyer=cast.lara,
        items=legal(),
        note="Сот шешімі бар ма?",
    )
    round_ = RouteRound.objects.get()
    client.force_login(cast.lara)
    html = client.get(url("detail", version)).content.decode()
    assert 'data-testid="routed-to-me"' in html and "Сот шешімі бар ма?" in html
    assert f'data-testid="reply-submit-{round_.pk}"' in html
    response = client.post(url("reply", version, round_.pk), {"text": "Бар, №12"})
    assert response.status_code == 302
    client.force_login(cast.alice)
    html = client.get(url("detail", version)).content.decode()
    assert 'data-testid="round-thread"' in html and "Бар, №12" in html


def test_a_reply_to_another_organizations_round_is_404_and_an_empty_one_saves_nothing(
    client, cast, version
):
    services.route_items(version=version, actor=cast.alice, lawyer=cast.lara, items=legal())
    round_ = RouteRound.objects.get()
    client.force_login(cast.sam)
    assert client.post(url("reply", version, round_.pk), {"text": "Сәлем"}).status_code == 404
    client.force_login(cast.lara)
    response = client.post(url("reply", version, round_.pk), {"text": ""}, follow=True)
    assert response.status_code == 200 and not RouteMessage.objects.exists()
    response = client.post(url("reply", version, 999999), {"text": "Сәлем"}, follow=True)
    assert response.status_code == 200 and not RouteMessage.objects.exists()


@pytest.mark.parametrize("number", ["99999999999999999999999", str(2**63)])
def test_a_huge_section_or_round_number_is_a_clean_answer(client, cast, version, number):
    client.force_login(cast.alice)
    response = client.post(f"/checklist/versions/{version.pk}/sections/{number}/yes/", **FETCH)
    assert response.status_code == 400 and not Answer.objects.exists()
    response = client.post(
        f"/checklist/versions/{version.pk}/rounds/{number}/reply/", {"text": "Сәлем"}
    )
    assert response.status_code == 302 and not RouteMessage.objects.exists()
