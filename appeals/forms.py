"""Input checks and layouts of the appeals pages; the rules themselves live in services."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from accounts import files, permissions, picking
from accounts.models import Organization, User
from accounts.picking import PickerWidget
from registry.models import OfficialAccount

from .models import (
    Channel,
    Kind,
    Outcome,
    OverrideKind,
    PrivacyNotice,
    ProcessingBasis,
    ResponseChannel,
    Topic,
)

DATE_FORMATS = ["%Y-%m-%d", "%d.%m.%Y"]


def date_field(label, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Screenshots and scans: PDF, PNG, JPEG or WebP by their content (accounts/files.py);
    images are re-encoded without metadata; each keeps its name as `original_name`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        accept = ",".join(files.accept(files.SCREENSHOTS))
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> list:
        if not data:
            return []
        uploads = data if isinstance(data, list | tuple) else [data]
        cleaned = [super(MultipleFileField, self).clean(f, initial) for f in uploads]
        for f in cleaned:
            if f.size > settings.UPLOAD_MAX_BYTES:
                raise forms.ValidationError(
                    _("A file may not be larger than %(mb)s MB.")
                    % {"mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024)}
                )
        return [files.prepared_upload(f, files.SCREENSHOTS) for f in cleaned]


class BaseForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False


class RegisterForm(BaseForm):
    # Issue 14: search fields, not selects that grow with the union (accounts/picking.py); each
    # validates the posted id against the same scoped queryset the search offers.
    organization = forms.ModelChoiceField(
        label=_("Responsible organization"),
        queryset=Organization.objects.none(),
        widget=PickerWidget("organization", "appeals.appeal.register"),
    )
    received_at = forms.DateTimeField(
        label=_("Received at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M"],
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    official_account = forms.ModelChoiceField(
        label=_("Official account that received it"),
        queryset=OfficialAccount.objects.none(),
        required=False,
        widget=PickerWidget("account", "appeals.appeal.register"),
    )
    channel_account = forms.CharField(
        label=_("Other network or page"),
        required=False,
        max_length=255,
        help_text=_("When it came through a page that is not in the registry."),
    )
    author_name = forms.CharField(label=_("Author"), required=False, max_length=255)
    author_contacts = forms.CharField(
        label=_("Author's contacts"),
        required=False,
        max_length=500,
        help_text=_("Phone, e-mail or account; separate several with commas."),
    )
    author_other = forms.CharField(
        label=_("Other data of the author"), required=False, widget=forms.Textarea({"rows": 2})
    )
    text = forms.CharField(label=_("Text or summary"), widget=forms.Textarea({"rows": 5}))
    kind = forms.ChoiceField(label=_("Type"), choices=Kind.choices)
    topic = forms.ChoiceField(label=_("Topic"), choices=Topic.choices)
    is_confidential = forms.BooleanField(
        label=_("Confidential matter (continues as official correspondence)"),
        required=False,
    )
    # R9.1: required for a registered appeal (the service checks it too).
    processing_basis = forms.ChoiceField(
        label=_("Legal basis of processing the author's personal data"),
        choices=[("", "—"), *ProcessingBasis.choices],
        required=False,
        help_text=_(
            "Under the Law of the Republic of Kazakhstan “On personal data and their protection”."
        ),
    )
    privacy_notice = forms.ChoiceField(
        label=_("How the author was told who uses the data, for what and for how long"),
        choices=[("", "—"), *PrivacyNotice.choices],
        required=False,
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"),
        queryset=User.objects.none(),
        required=False,
        widget=PickerWidget("user", "appeals.appeal.register"),
    )
    attachments = MultipleFileField(label=_("Attachments (screenshots)"), required=False)
    not_registered = forms.BooleanField(
        label=_("The message lacks the features of an appeal: record it without registering"),
        required=False,
    )
    not_registered_reason = forms.CharField(
        label=_("Why it is not registered"), required=False, widget=forms.Textarea({"rows": 2})
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        organizations = permissions.visible_organizations(
            user, action="appeals.appeal.register"
        ).filter(is_active=True)
        self.fields["organization"].queryset = organizations
        self.fields["official_account"].queryset = permissions.visible(
            user, OfficialAccount.objects.active(), action="appeals.appeal.register"
        ).select_related("organization")
        self.fields["assignee"].queryset = (
            User.objects.filter(
                is_active=True,
                memberships__organization__in=permissions.visible_organizations(
                    user, action="appeals.appeal.register"
                ),
            )
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name()

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("not_registered") and not cleaned.get("not_registered_reason", "").strip():
            self.add_error("not_registered_reason", _("Give the reason."))
        if not cleaned.get("not_registered"):
            cleaned["not_registered_reason"] = ""
            for name in ("processing_basis", "privacy_notice"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Choose one."))
        return cleaned


class AssignForm(BaseForm):
    # Issue 14: a search field; the responsible organization's people are offered first.
    assignee = forms.ModelChoiceField(
        label=_("Assignee"),
        queryset=User.objects.none(),
        required=False,
        widget=PickerWidget("user", "appeals.appeal.assign"),
        error_messages={
            "invalid_choice": _("The assignee must hold a role in the responsible organization.")
        },
    )

    def __init__(self, *args: Any, appeal: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The handlers: a role on the responsible organization itself (appeals.permissions).
        handlers = (
            User.objects.filter(is_active=True, memberships__organization=appeal.organization)
            .distinct()
            .order_by("last_name", "first_name")
        )
        self.fields["assignee"].queryset = handlers
        self.fields["assignee"].label_from_instance = lambda u: u.get_full_name()
        self.fields["assignee"].widget.quick = lambda: handlers[: picking.LIMIT]


class FirstResponseForm(BaseForm):
    on = date_field(_("Date of the first response"))
    channel = forms.ChoiceField(label=_("How it was given"), choices=ResponseChannel.choices)
    letter_number = forms.CharField(
        label=_("Outgoing letter number"), required=False, max_length=64
    )
    text = forms.CharField(label=_("Text of the response"), widget=forms.Textarea({"rows": 3}))


class TakeForm(BaseForm):
    pass


class ForwardForm(BaseForm):
    to_organization = forms.ModelChoiceField(
        label=_("Structure of the union"),
        queryset=Organization.objects.filter(is_active=True),
        required=False,
        help_text=_("It receives the appeal in its own list."),
        # Issue 14: the parent chain as quick choices and a search over the union's structures.
        widget=PickerWidget("organization", picking.FORWARD),
    )
    to_name = forms.CharField(label=_("Or another competent body"), required=False, max_length=255)
    on = date_field(_("Forwarded on"))
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea({"rows": 2}))
    applicant_informed_on = date_field(_("Applicant informed on"))

    def __init__(self, *args: Any, appeal: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if appeal is not None:
            self.fields["to_organization"].widget.quick = picking.parent_chain(appeal.organization)


class OfficialResponseForm(BaseForm):
    on = date_field(_("Date of the official response"))
    number = forms.CharField(label=_("Outgoing number"), max_length=64)
    text = forms.CharField(
        label=_("Text of the official response"), required=False, widget=forms.Textarea({"rows": 4})
    )
    document = files.UploadField(
        label=_("Document"), required=False, kinds=files.OFFICIAL_RESPONSES
    )


class CloseForm(BaseForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)


class ExtendForm(BaseForm):
    new_due = date_field(_("New due date of the official response"))
    reason = forms.CharField(
        label=_("Reason for the extension"), widget=forms.Textarea({"rows": 2})
    )


class ExtensionNoticeForm(BaseForm):
    on = date_field(_("Applicant told of the extension on"))


class ArchiveForm(BaseForm):
    """Archive or restore an appeal (issue 12 point 5, accounts.archive): the reason only."""

    reason = forms.CharField(label=_("Reason"), max_length=2000, widget=forms.Textarea({"rows": 2}))


class CalendarOverrideForm(BaseForm):
    day = date_field(_("Date"))
    kind = forms.ChoiceField(label=_("The day is"), choices=OverrideKind.choices)
    reason = forms.CharField(label=_("Legal basis"), max_length=500)


class FilterForm(forms.Form):
    """The list's filters; unknown values are ignored rather than refused."""

    status = forms.ChoiceField(required=False)
    topic = forms.ChoiceField(required=False, choices=[("", _("Any topic")), *Topic.choices])
    kind = forms.ChoiceField(required=False, choices=[("", _("Any type")), *Kind.choices])
    channel = forms.ChoiceField(required=False, choices=[("", _("Any channel")), *Channel.choices])
    organization = forms.IntegerField(required=False)
    overdue = forms.BooleanField(required=False)
    q = forms.CharField(required=False, max_length=100)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        from .models import Status

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("Any status")), *Status.choices]
