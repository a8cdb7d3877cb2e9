from datetime import date

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from accounts.picking import LIMIT as PICK_LIMIT
from accounts.picking import PickerWidget

from .appendix import NARRATIVE, H
from .metrics import KINDS, MAX_NUMBER
from .models import Goal, Risk, half_year, previous_half_year

# The days a report, an import or a roll-up may cover: a roll-up over 0001–9999 computed
# half-year bounds past Python's last date (a 500) and scanned every row there is.
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)


class PeriodChoiceMixin:
    """H1 / H2 of a year, or any period (start and end dates)."""

    def period_bounds(self) -> tuple[date, date] | None:
        data = self.cleaned_data  # type: ignore[attr-defined]
        choice = data.get("period")
        year = data.get("year")
        if choice in ("h1", "h2"):
            if not year:
                self.add_error("year", _("Enter the year."))  # type: ignore[attr-defined]
                return None
            return (
                (date(year, 1, 1), date(year, 6, 30))
                if choice == "h1"
                else (
                    date(year, 7, 1),
                    date(year, 12, 31),
                )
            )
        start, end = data.get("starts_on"), data.get("ends_on")
        if not start or not end:
            self.add_error("starts_on", _("Enter the first and the last day."))  # type: ignore[attr-defined]
            return None
        if end < start:
            self.add_error("ends_on", _("The period ends before it starts."))  # type: ignore[attr-defined]
            return None
        if start < FIRST_DAY or end > LAST_DAY:
            self.add_error(  # type: ignore[attr-defined]
                "starts_on",
                _("Choose days between %(first)s and %(last)s.")
                % {"first": f"{FIRST_DAY:%d.%m.%Y}", "last": f"{LAST_DAY:%d.%m.%Y}"},
            )
            return None
        return start, end

    def clean(self):
        data = super().clean()  # type: ignore[misc]
        if not self.errors:  # type: ignore[attr-defined]
            period = self.period_bounds()
            if period:
                data["starts_on"], data["ends_on"] = period
        return data


PERIODS = [
    ("h1", _("H1 (January–June)")),
    ("h2", _("H2 (July–December)")),
    ("other", _("Other period")),
]


class ReportCreateForm(PeriodChoiceMixin, forms.Form):
    # Issue 14: search fields, not selects of the whole union (accounts/picking.py).
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,
        widget=PickerWidget("organization", "reports.report.prepare"),
    )
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS)
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100, required=False)
    starts_on = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible employee"),
        queryset=User.objects.none(),
        required=False,
        widget=PickerWidget("user", "reports.report.prepare"),
    )

    def __init__(self, *args, organizations, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()
        self.fields["responsible"].queryset = (
            User.objects.filter(is_active=True, memberships__organization__in=organizations)
            .distinct()
            .order_by("last_name", "first_name")
        )
        # The report usually due now: the half-year that ended last, or the current one in
        # its last week.
        start, end = half_year(today)
        if (end - today).days > 7:
            start, end = previous_half_year(today)
        self.fields["period"].initial = "h1" if start.month == 1 else "h2"
        self.fields["year"].initial = start.year


class ReportEditForm(forms.Form):
    """RPT1.2, the template's lists (RPT2.1 goals, RPT6.2 risks) and the narrative sections,
    each in Kazakh and in Russian; plain text."""

    # Issue 14: a search field; the organization's people are offered first.
    responsible = forms.ModelChoiceField(
        label=H["s1_2"],
        queryset=User.objects.none(),
        required=False,
        widget=PickerWidget("user", "reports.report.prepare"),
    )
    responsible_name = forms.CharField(label=_("Full name"), max_length=255, required=False)
    responsible_position = forms.CharField(label=_("Position"), max_length=255, required=False)
    responsible_position_ru = forms.CharField(
        label=_("Position in Russian"), max_length=255, required=False
    )
    goal_choices = forms.MultipleChoiceField(
        label=_("From the template's list"),
        choices=Goal.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    risk_choices = forms.MultipleChoiceField(
        label=_("From the template's list"),
        choices=Risk.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    # The free text beside a list says what it holds.
    BESIDE = {
        "goals": _("Other goals, or details of the chosen ones"),
        "risks": _("Other risks, or details of the chosen ones"),
    }
    LISTS = {"goals": "goal_choices", "risks": "risk_choices"}

    def __init__(self, *args, report, **kwargs):
        super().__init__(*args, **kwargs)
        people = (
            User.objects.filter(is_active=True, memberships__organization=report.organization)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["responsible"].queryset = people
        self.fields["responsible"].widget.quick = lambda: people[:PICK_LIMIT]
        for name, _heading in NARRATIVE:
            for field, label in ((name, _("In Kazakh")), (f"{name}_ru", _("In Russian"))):
                self.fields[field] = forms.CharField(
                    label=label,
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 4}),
                )
        self.initial = {
            "responsible": report.responsible_id,
            "responsible_name": report.responsible_name,
            "responsible_position": report.responsible_position,
            "responsible_position_ru": report.responsible_position_ru,
            "goal_choices": report.goal_choices,
            "risk_choices": report.risk_choices,
            **{name: getattr(report, name) for name, _h in NARRATIVE},
            **{f"{name}_ru": getattr(report, f"{name}_ru") for name, _h in NARRATIVE},
        }

    def sections(self) -> list[dict]:
        """The narrative sections in the template's order, for the page to lay out: the
        heading, the list's checkboxes (2.1, 6.2) and the Kazakh and Russian text side by
        side."""
        return [
            {
                "heading": H[heading],
                "name": name,
                "choices": self[self.LISTS[name]] if name in self.LISTS else None,
                "beside": self.BESIDE.get(name, ""),
                "kk": self[name],
                "ru": self[f"{name}_ru"],
            }
            for name, heading in NARRATIVE
        ]


class MetricsImportForm(PeriodChoiceMixin, forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,
        widget=PickerWidget("organization", "reports.metrics.change"),  # issue 14
    )
    kind = forms.ChoiceField(label=_("What the file holds"), choices=list(KINDS.items()))
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS)
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100, required=False)
    starts_on = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args, organizations, today: date, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if organizations.count() == 1:
            self.fields["organization"].initial = organizations.first()
        start, _end = half_year(today)
        self.fields["period"].initial = "h1" if start.month == 1 else "h2"
        self.fields["year"].initial = start.year


class MetricsEntryForm(MetricsImportForm):
    """The same figures entered by hand, one row at a time; checked exactly like a file's row
    (reports.metrics.metrics_record). Only the fields of the chosen kind are read."""

    account = forms.CharField(
        label=_("Account link"), required=False, help_text=_("As in the register.")
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    subscribers = forms.IntegerField(
        label=_("Subscribers"), required=False, min_value=0, max_value=MAX_NUMBER
    )
    period_start = forms.DateField(
        label=_("Figures from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = forms.DateField(
        label=_("Figures until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    average_views = forms.IntegerField(
        label=_("Average views"), required=False, min_value=0, max_value=MAX_NUMBER
    )
    post_url = forms.CharField(label=_("Post link"), required=False)
    views = forms.IntegerField(label=_("Views"), required=False, min_value=0, max_value=MAX_NUMBER)
    likes = forms.IntegerField(label=_("Likes"), required=False, min_value=0, max_value=MAX_NUMBER)
    comments = forms.IntegerField(
        label=_("Comments"), required=False, min_value=0, max_value=MAX_NUMBER
    )
    shares = forms.IntegerField(
        label=_("Shares/reposts"), required=False, min_value=0, max_value=MAX_NUMBER
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["file"]
        self.prefix = "entry"


class RollupForm(PeriodChoiceMixin, forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=None,
        widget=PickerWidget("organization", "reports.rollup.view"),  # issue 14
    )
    period = forms.ChoiceField(label=_("Period"), choices=PERIODS)
    year = forms.IntegerField(label=_("Year"), min_value=2020, max_value=2100, required=False)
    starts_on = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
