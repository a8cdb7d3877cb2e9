"""The content calendar: an organization's plan items and publications by day, a month or a week
at a time, with counts for the organizations below it (content/calendar.py), and the moves of an
entry to another day (drag and drop through htmx and SortableJS, or the "Move to date" form that
works without JavaScript). docs/content.md, "Calendar"."""

import calendar as pycalendar
from datetime import date, timedelta
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts import permissions
from accounts.exceptions import InvalidTransition
from accounts.models import Organization
from accounts.picking import PickerWidget
from accounts.request_guard import parse_id
from registry.models import OfficialAccount

from .. import calendar as service
from ..models import PlanItem, Publication, PublicationStatus
from ..taxonomy import ContentKind

# The days the calendar shows. A month's grid and its "previous" and "following" links reach
# past the anchor, so 0001-01-01 and 9999-12-31 overflowed Python's dates (a 500); a day
# outside these bounds shows the current month instead.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
# The query-string filters every link of the calendar keeps.
FILTERS = ("account", "kind", "status", "organization")


def _day(text: str) -> date | None:
    try:
        day = date.fromisoformat(text) if text else None
    except ValueError:
        return None
    return day if day and FIRST_DAY <= day <= LAST_DAY else None


def _params(query: QueryDict) -> dict:
    """The calendar's query string, each value checked (a bad one is dropped, never a 500)."""
    kind = query.get("kind", "")
    status = query.get("status", "")
    return {
        "view": "week" if query.get("view") == "week" else "month",
        "day": _day(query.get("day", "")),
        "account": parse_id(query.get("account")),
        "kind": kind if kind in ContentKind.values else "",
        "status": status if status in PublicationStatus.values else "",
        "organization": parse_id(query.get("organization")),
    }


def _query(params: dict, **changes) -> str:
    merged = {**params, **changes}
    pairs = [("view", merged["view"])]
    if merged.get("day"):
        pairs.append(("day", merged["day"].isoformat()))
    pairs += [(k, merged[k]) for k in FILTERS if merged.get(k)]
    return urlencode(pairs)


def _bounds(mode: str, anchor: date) -> tuple[date, date, date, date]:
    if mode == "week":
        start = anchor - timedelta(days=anchor.weekday())
        end = start + timedelta(days=6)
        return start, end, start - timedelta(days=7), start + timedelta(days=7)
    start = anchor.replace(day=1)
    end = start.replace(day=pycalendar.monthrange(start.year, start.month)[1])
    return start, end, (start - timedelta(days=1)).replace(day=1), end + timedelta(days=1)


def _organization(request, params: dict) -> Organization | None:
    """The organization whose calendar is shown: the one asked for (outside the user's scope:
    404) or the user's highest one."""
    if params["organization"]:
        return permissions.get_object_or_404_for(
            request.user,
            Organization.objects.all(),
            "content.view",
            field="",
            pk=params["organization"],
        )
    return service.home_organization(request.user)


def _parent_of(user, organization: Organization | None) -> Organization | None:
    """The organization above, when the user's scope reaches it (no query otherwise)."""
    if organization is None or organization.depth <= 1:
        return None
    path = organization.path[: -Organization.steplen]
    if not (user.is_superuser or any(path.startswith(g.path) for g in permissions.grants(user))):
        return None
    return Organization.objects.filter(path=path).first()


def _is_partial(request) -> bool:
    return bool(request.headers.get("HX-Request")) and not request.headers.get(
        "HX-History-Restore-Request"
    )


def _render(request, params: dict, *, notice: str = "", error: str = "") -> HttpResponse:
    today = timezone.localdate()
    anchor = params["day"] or today
    mode = params["view"]
    start, end, previous, following = _bounds(mode, anchor)
    organization = _organization(request, params)
    filters = {k: params[k] for k in ("account", "kind", "status")}
    items, publications = (
        service.own_entries(request.user, organization, start, end, filters)
        if organization is not None
        else ([], [])
    )
    below = service.below_counts(request.user, organization, start, end, filters)
    keep = {**params, "day": start}
    for child in below.children:
        child.query = _query(keep, organization=child.organization.pk)
    grid_start = start - timedelta(days=start.weekday())
    grid_end = end + timedelta(days=6 - end.weekday())
    days = {}
    day = grid_start
    while day <= grid_end:
        days[day] = {
            "date": day,
            "in_range": start <= day <= end,
            "items": [],
            "publications": [],
            "below": below.by_day.get(day, []),
            "today": day == today,
        }
        day += timedelta(days=1)
    for item in items:
        item.is_overdue = item.planned_on < today and not item.is_published
        days[item.planned_on]["items"].append(item)
    for publication in publications:
        days[publication.day]["publications"].append(publication)
    weeks = [list(days.values())[i : i + 7] for i in range(0, len(days), 7)]
    parent = _parent_of(request.user, organization)
    context = {
        "weeks": weeks,
        "start": start,
        "end": end,
        "mode": mode,
        "organization": organization,
        "parent": parent,
        "parent_query": _query(keep, organization=parent.pk) if parent else "",
        "below": below,
        "back": _query({**params, "day": anchor}),
        "previous_query": _query(params, day=previous),
        "following_query": _query(params, day=following),
        # The other view of the same day: the week of the day shown, or its month.
        "month_query": _query(params, view="month", day=anchor),
        "week_query": _query(params, view="week", day=anchor),
        "notice": notice,
        "error": error,
        "params": params,
    }
    if _is_partial(request):
        response = render(request, "content/_calendar_body.html", context)
    else:
        context.update(_filters(request, params))
        response = render(request, "content/calendar.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _filters(request, params: dict) -> dict:
    # Issue 14: search fields, not selects of every account or organization (accounts/picking.py).
    account_picker = PickerWidget(
        "account",
        "content.view",
        empty_label=_("All accounts"),
        queryset=permissions.visible(
            request.user, OfficialAccount.objects.active(), action="content.view"
        ),
    ).render(
        "account",
        params["account"],
        {"id": "id_account", "class": "form-control-sm", "aria-label": _("Official account")},
    )
    organization_picker = PickerWidget(
        "organization",
        "content.view",
        empty_label=_("My organization"),
        queryset=permissions.visible_organizations(request.user, action="content.view"),
    ).render(
        "organization",
        params["organization"],
        {"id": "id_organization", "class": "form-control-sm", "aria-label": _("Organization")},
    )
    return {
        "account_picker": account_picker,
        "organization_picker": organization_picker,
        "kinds": ContentKind.choices,
        "statuses": PublicationStatus.choices,
    }


@login_required
def calendar_view(request):
    permissions.require(request.user, "content.view")
    return _render(request, _params(request.GET))


class CalendarMoveForm(forms.Form):
    """The day an entry moves to (the drop of a drag, or the keyboard's "Move to date")."""

    day = forms.DateField(label=gettext_lazy("New date"))
    back = forms.CharField(required=False)

    def clean_day(self):
        day = self.cleaned_data["day"]
        if not FIRST_DAY <= day <= LAST_DAY:
            raise ValidationError(gettext_lazy("Choose a day of the calendar."))
        return day


def _move(request, mover) -> HttpResponse:
    form = CalendarMoveForm(request.POST)
    back = _params(QueryDict(request.POST.get("back", "")[:500]))
    notice = error = ""
    if not form.is_valid():
        error = " ".join(str(e) for e in form.errors.get("day", [])) or _("Enter a valid date.")
    else:
        day = form.cleaned_data["day"]
        try:
            mover(actor=request.user, day=day)
        except InvalidTransition as refusal:
            error = str(refusal.message)
        except ValidationError as refusal:
            error = " ".join(refusal.messages)
        else:
            notice = _("Moved to %(day)s.") % {"day": f"{day:%d.%m.%Y}"}
    if _is_partial(request):
        return _render(request, back, notice=notice, error=error)
    (messages.error if error else messages.success)(request, error or notice)
    return redirect(f"{reverse('content:calendar')}?{_query(back)}")


@login_required
@require_POST
def calendar_move_item(request, pk: int):
    item = permissions.get_object_or_404_for(
        request.user,
        PlanItem.objects.select_related("plan__organization"),
        "content.plan.edit",
        field="plan__organization",
        pk=pk,
    )
    return _move(request, lambda **kw: service.plan_item_move(item=item, **kw))


@login_required
@require_POST
def calendar_move_publication(request, pk: int):
    publication = permissions.get_object_or_404_for(
        request.user,
        Publication.objects.select_related("organization"),
        "content.publication.edit",
        pk=pk,
    )
    return _move(request, lambda **kw: service.publication_move(publication=publication, **kw))
