from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import files
from accounts.models import Organization, User
from accounts.picking import PickerWidget
from registry.forms import DateInput
from registry.models import OfficialAccount

from .models import (
    Attachment,
    ModerationAction,
    PlanningPeriod,
    PublicationStatus,
    StatementApproval,
)
from .taxonomy import DIRECTION_CHOICES, Audience, ContentKind, Language


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class _ClassifiedForm(forms.Form):
    kind = forms.ChoiceField(label=_("Content type"), choices=ContentKind.choices)
    direction = forms.ChoiceField(label=_("Direction"), choices=DIRECTION_CHOICES)
    audiences = forms.MultipleChoiceField(
        label=_("Target audiences"), choices=Audience.choices, widget=forms.CheckboxSelectMultiple
    )
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)
    accounts = forms.ModelMultipleChoiceField(
        label=_("Official accounts"),
        queryset=OfficialAccount.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, accounts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounts"].queryset = (
            accounts if accounts is not None else OfficialAccount.objects.none()
        )


class PlanItemForm(_ClassifiedForm):
    topic = forms.CharField(label=_("Topic"), max_length=255)
    planned_on = forms.DateField(label=_("Planned date"), widget=DateInput())
    field_order = ["topic", "planned_on", "kind", "direction", "audiences", "language", "accounts"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["accounts"].required = False


class PublicationForm(_ClassifiedForm):
    title = forms.CharField(label=_("Title"), max_length=255)
    text_kk = forms.CharField(
        label=_("Text in Kazakh"),
        widget=forms.Textarea(attrs={"rows": 6, "lang": "kk"}),  # WCAG 3.1.2
        required=False,
    )
    text_ru = forms.CharField(
        label=_("Text in Russian"),
        widget=forms.Textarea(attrs={"rows": 6, "lang": "ru"}),  # WCAG 3.1.2
        required=False,
    )
    sources = forms.CharField(
        label=_("Sources"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Where needed."),
    )
    planned_at = forms.DateTimeField(
        label=_("Planned date and time"), widget=DateTimeInput(), required=False
    )
    unplanned_reason = forms.CharField(
        label=_("Why it is not in the content plan"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_(
            "Work follows the content plan: draft from a plan item, or say why this publication "
            "is outside it. It is counted in the half-year report."
        ),
    )
    is_official_statement = forms.BooleanField(
        label=_("Official statement"),
        required=False,
        help_text=_("Published after the authorized union body approves it; never urgent."),
    )
    is_urgent = forms.BooleanField(
        label=_("Urgent message"),
        required=False,
        help_text=_("May be published at once; the chairman is informed afterwards."),
    )
    crisis_position_note = forms.CharField(
        label=_("How the publication follows the agreed position"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    field_order = [
        "title",
        "text_kk",
        "text_ru",
        "sources",
        "kind",
        "direction",
        "audiences",
        "language",
        "accounts",
        "planned_at",
        "unplanned_reason",
        "is_official_statement",
        "is_urgent",
        "crisis_position_note",
    ]

    def __init__(self, *args, crisis=None, plan_item=None, **kwargs):
        super().__init__(*args, **kwargs)
        if plan_item is not None:
            # R6.1: the plan item fixes these; the service copies them from it.
            for name in ("unplanned_reason", "kind", "direction", "audiences", "language"):
                self.fields[name].required = False
                self.fields[name].disabled = True
            del self.fields["unplanned_reason"]
        if crisis is None:
            del self.fields["crisis_position_note"]
        else:
            self.fields["crisis_position_note"].required = True
            self.fields["crisis_position_note"].help_text = crisis.agreed_position


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Attachment.Kind.choices)
    file = forms.FileField(label=_("File"))


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class StatementApprovalForm(forms.ModelForm):
    class Meta:
        model = StatementApproval
        fields = ["body", "decision_number", "decision_date", "document"]
        widgets = {"decision_date": DateInput()}
        field_classes = {"document": files.UploadField}  # by content; images lose metadata


class PlanningForm(forms.Form):
    period = forms.ChoiceField(label=_("Planning period"), choices=PlanningPeriod.choices)


class PlanCreateForm(forms.Form):
    day = forms.DateField(
        label=_("A day within the period"),
        widget=DateInput(attrs={"class": "form-control"}),
        help_text=_("The plan covers the organization's planning period that contains this day."),
    )


class CrisisForm(forms.Form):
    title = forms.CharField(label=_("Crisis"), max_length=255)
    agreed_position = forms.CharField(
        label=_("Agreed position"), widget=forms.Textarea(attrs={"rows": 4})
    )
    working_group = forms.ModelMultipleChoiceField(
        label=_("Working group"), queryset=User.objects.none(), widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = users if users is not None else User.objects.none()


class ModerationForm(forms.ModelForm):
    class Meta:
        model = ModerationAction
        fields = ["account", "action", "ground", "excerpt", "link", "occurred_on", "note"]
        widgets = {
            "occurred_on": DateInput(),
            "excerpt": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, accounts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["account"].queryset = accounts

    def _post_clean(self):
        pass


class PublicationFilterForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
        # Issue 14: a search field, not a 10,000-option select (accounts/picking.py).
        widget=PickerWidget("organization", "content.view", empty_label=_("All organizations")),
    )
    own = forms.BooleanField(required=False, widget=forms.HiddenInput)
    attention = forms.ChoiceField(
        required=False,
        widget=forms.HiddenInput,
        choices=[("", ""), ("urgent", "urgent"), ("unchecked", "unchecked")],
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *PublicationStatus.choices],
        required=False,
    )
    kind = forms.ChoiceField(
        label=_("Content type"),
        choices=[("", _("All types")), *ContentKind.choices],
        required=False,
    )
    q = forms.CharField(label=_("Search"), required=False)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations
