"""The content calendar: plan items and publications by day, a month or a week at a time."""

import calendar as pycalendar
from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import permissions
from accounts.picking import PickerWidget
from accounts.request_guard import parse_id
from registry.models import OfficialAccount

from .. import selectors
from ..taxonomy import ContentKind

# The days the calendar shows. A month's grid and its "previous" and "following" links reach
# past the anchor, so 0001-01-01 and 9999-12-31 overflowed Python's dates (a 500); a day
# outside these bounds shows the current month instead.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


@login_required
def calendar_view(request):
    permissions.require(request.user, "content.view")
    today = timezone.localdate()
    try:
        anchor = date.fromisoformat(request.GET.get("day", "")) if request.GET.get("day") else today
    except ValueError:
        anchor = today
    if not FIRST_DAY <= anchor <= LAST_DAY:
        anchor = today
    mode = "week" if request.GET.get("view") == "week" else "month"
    if mode == "week":
        start = anchor - timedelta(days=anchor.weekday())
        end = start + timedelta(days=6)
        previous, following = start - timedelta(days=7), start + timedelta(days=7)
    else:
        start = anchor.replace(day=1)
        end = start.replace(day=pycalendar.monthrange(start.year, start.month)[1])
        previous = (start - timedelta(days=1)).replace(day=1)
        following = end + timedelta(days=1)
    account = parse_id(request.GET.get("account")) or None
    kind = request.GET.get("kind", "") if request.GET.get("kind", "") in ContentKind.values else ""
    items, publications = selectors.calendar_entries(
        request.user, start, end, account=account, kind=kind
    )
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
            "today": day == today,
        }
        day += timedelta(days=1)
    for item in items:
        item.is_overdue = item.planned_on < today and not item.is_published
        days[item.planned_on]["items"].append(item)
    for publication in publications:
        when = publication.published_at or publication.planned_at
        local = timezone.localtime(when).date()
        if local in days:
            days[local]["publications"].append(publication)
    weeks = [list(days.values())[i : i + 7] for i in range(0, len(days), 7)]
    # Issue 14: a search field, not a select of every account (accounts/picking.py).
    account_picker = PickerWidget(
        "account",
        "content.view",
        empty_label=_("All accounts"),
        queryset=permissions.visible(
            request.user, OfficialAccount.objects.active(), action="content.view"
        ),
    ).render(
        "account",
        account,
        {"id": "id_account", "class": "form-control-sm", "aria-label": _("Official account")},
    )
    return render(
        request,
        "content/calendar.html",
        {
            "weeks": weeks,
            "start": start,
            "end": end,
            "mode": mode,
            "previous": previous,
            "following": following,
            "account_picker": account_picker,
            "account": account,
            "kind": kind,
            "kinds": ContentKind.choices,
        },
    )
