from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts import files
from accounts.models import Organization, User
from accounts.picking import PickerWidget

from .models import (
    FLAGS,
    AccessListVersion,
    AccountStatus,
    AdministratorAppointment,
    CreationDecision,
    LogoCheck,
    Network,
    OfficialAccount,
    Violation,
)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class AccountForm(forms.ModelForm):
    class Meta:
        model = OfficialAccount
        fields = ["network", "display_name", "handle", "url", "languages", "is_publishing_target"]
        # The service normalizes and validates the link; "instagram.com/name" is accepted as typed.
        widgets = {"url": forms.TextInput(attrs={"inputmode": "url", "placeholder": "https://"})}

    def _post_clean(self):
        # Model validation (unique link, normalization) happens in the service.
        pass


class AccountCreateForm(AccountForm):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        widget=PickerWidget("organization", "registry.account.change"),  # issue 14
    )
    password_set_on = forms.DateField(
        label=_("Password last set on"),
        widget=DateInput(),
        initial=timezone.localdate,
        help_text=_("The date only: the password itself is never entered here."),
    )

    class Meta(AccountForm.Meta):
        fields = ["organization", *AccountForm.Meta.fields]

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        if organizations is not None:
            first_two = list(organizations[:2])  # never the whole union (issue 14)
            if len(first_two) == 1:
                self.fields["organization"].initial = first_two[0]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AccountStatus.choices)
    changed_on = forms.DateField(label=_("Date"), widget=DateInput(), initial=timezone.localdate)
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class DecisionForm(forms.ModelForm):
    class Meta:
        model = CreationDecision
        fields = ["body", "number", "decided_on", "document"]
        widgets = {"decided_on": DateInput()}
        field_classes = {"document": files.UploadField}  # by content; images lose metadata


class LogoCheckForm(forms.ModelForm):
    class Meta:
        model = LogoCheck
        fields = ["checked_on", "result", "screenshot", "note"]
        widgets = {"checked_on": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}
        field_classes = {"screenshot": files.UploadField}


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class AppointmentForm(forms.ModelForm):
    class Meta:
        model = AdministratorAppointment
        fields = [
            "user",
            "full_name",
            "position",
            "contacts",
            "order_number",
            "order_date",
            "order_document",
            "starts_on",
            "ends_on",
        ]
        widgets = {
            "order_date": DateInput(),
            "starts_on": DateInput(),
            "ends_on": DateInput(),
            # Issue 14: a search over the subtree's people, not a select of them.
            "user": PickerWidget("user", "registry.account.view"),
        }
        field_classes = {"order_document": files.UploadField}

    def __init__(self, *args, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users if users is not None else User.objects.none()
        self.fields["full_name"].required = False
        self.fields["full_name"].help_text = _("Needed when the person is not a system user.")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("user") and not cleaned.get("full_name"):
            self.add_error("full_name", _("Choose a system user or enter the person's full name."))
        starts, ends = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts and ends and ends < starts:
            self.add_error("ends_on", _("The end cannot be before the start."))
        return cleaned

    def _post_clean(self):
        pass


class EndAppointmentForm(forms.Form):
    ends_on = forms.DateField(label=_("Until"), widget=DateInput(), initial=timezone.localdate)


class AccessEntryForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=255, required=False)
    position = forms.CharField(label=_("Position"), max_length=255, required=False)


AccessEntryFormSet = forms.formset_factory(AccessEntryForm, extra=2, max_num=30)


class RotationForm(forms.Form):
    rotated_on = forms.DateField(
        label=_("Password changed on"), widget=DateInput(), initial=timezone.localdate
    )
    note = forms.CharField(label=_("Note"), max_length=255, required=False)


class PolicyForm(forms.Form):
    months = forms.IntegerField(
        label=_("Interval, months"),
        required=False,
        min_value=1,
        help_text=_("Leave empty to use the union-wide interval."),
    )


class RegisterFilterForm(forms.Form):
    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        required=False,
        empty_label=_("All organizations"),
        widget=PickerWidget(  # issue 14: a search field, not a select (accounts/picking.py)
            "organization", "registry.account.view", empty_label=_("All organizations")
        ),
    )
    network = forms.ChoiceField(
        label=_("Social network"),
        choices=[("", _("All networks")), *Network.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Active and suspended")), *AccountStatus.choices, ("all", _("All"))],
        required=False,
    )
    flag = forms.ChoiceField(
        label=_("Compliance"),
        choices=[("", _("All accounts")), ("any", _("Any problem")), *FLAGS.items()],
        required=False,
    )
    q = forms.CharField(label=_("Search"), required=False)
    own = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ViolationForm(forms.ModelForm):
    class Meta:
        model = Violation
        fields = [
            "rule",
            "organization",
            "account",
            "publication_reference",
            "responsible_user",
            "responsible_name",
            "occurred_on",
            "description",
            "evidence",
        ]
        widgets = {
            "occurred_on": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            # Issue 14: search fields over the chairman's subtree, not selects of it.
            "organization": PickerWidget("organization", "registry.violation.record"),
            "account": PickerWidget("account", "registry.violation.record"),
            "responsible_user": PickerWidget("user", "registry.violation.record"),
        }
        field_classes = {"evidence": files.UploadField}

    def __init__(self, *args, organizations=None, accounts=None, users=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["account"].queryset = accounts
        self.fields["responsible_user"].queryset = users
        self.fields["responsible_name"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("responsible_user") and not cleaned.get("responsible_name"):
            self.add_error(
                "responsible_name", _("Choose a system user or enter the person's full name.")
            )
        return cleaned

    def _post_clean(self):
        pass


class MeasureForm(forms.Form):
    measure = forms.ChoiceField(label=_("Measure"), choices=Violation.Measure.choices)
    measure_body = forms.CharField(label=_("Governing body"), max_length=255, required=False)
    decision_number = forms.CharField(label=_("Decision number"), max_length=64, required=False)
    decision_date = forms.DateField(label=_("Decision date"), widget=DateInput(), required=False)


ACCESS_DECISIONS = (AccessListVersion.Status.APPROVED, AccessListVersion.Status.REJECTED)
