"""Input checks of the inbox pages; the rules live in services and the workflow."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from appeals.forms import RegisterForm
from content.models import ModerationAction

from .models import Status


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All statuses")), *Status.choices], required=False
    )


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply"), widget=forms.Textarea({"rows": 3}), max_length=4096)


class GroundForm(forms.Form):
    """R7: a hidden or deleted message is recorded in the moderation log with its ground."""

    ground = forms.ChoiceField(
        label=_("Ground"), choices=[("", "—"), *ModerationAction.Ground.choices]
    )
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea({"rows": 2}))


class ConvertForm(RegisterForm):
    """The appeal's registration form (appeals), prefilled from the message. The responsible
    organization, the date of receipt, the channel and the official account are the message's
    and cannot be changed here (the deadlines count from the message's date, R8.1, R8.2); a
    message that is not an appeal is simply not turned into one."""

    FIXED = ("organization", "received_at", "channel", "official_account")

    def __init__(self, *args: Any, message: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("not_registered", "not_registered_reason", "channel_account"):
            self.fields.pop(name)
        for name in self.FIXED:
            self.fields[name].disabled = True
            self.fields[name].required = False
        self.fields["organization"].queryset = self.fields["organization"].queryset.filter(
            pk=message.organization_id
        )
        self.fields["official_account"].queryset = self.fields["official_account"].queryset.filter(
            pk=message.account_id
        )

    def clean(self) -> dict:
        cleaned = super().clean()
        for name in (*self.FIXED, "not_registered", "not_registered_reason"):
            cleaned.pop(name, None)
        return cleaned
