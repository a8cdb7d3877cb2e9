from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import security, two_factor
from accounts.forms import OneTimeCodeField
from accounts.models import User

from .models import Answer, Decision, TemplateItem

LEGAL = "legal"


class AnswerForm(forms.Form):
    """One answer posted by the page's script (the JSON endpoint)."""

    item = forms.IntegerField()
    value = forms.ChoiceField(choices=Answer.Value.choices)
    comment = forms.CharField(required=False, max_length=2000)


class ReplyForm(forms.Form):
    """A reply in a legal review round's thread (issue 13, point 2)."""

    text = forms.CharField(
        label=_("Reply"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Write the message.")},
    )


def answers_from_post(data, items) -> dict[int, tuple[str, str]]:
    """The "Save" button's post: `item_<id>` (yes/no/na) and `comment_<id>` for the given items;
    an item left without a choice is skipped (progress is partial until the decision)."""
    out = {}
    for item in items:
        value = data.get(f"item_{item.pk}", "")
        if value:
            out[item.pk] = (value, data.get(f"comment_{item.pk}", ""))
    return out


class RouteForm(forms.Form):
    lawyer = forms.ModelChoiceField(label=_("Lawyer"), queryset=User.objects.none())
    scope = forms.ChoiceField(
        label=_("What to review"),
        choices=[(LEGAL, _("The legal items (CL2, CL8.2)")), ("items", _("Chosen items"))],
        initial=LEGAL,
        widget=forms.RadioSelect,
    )
    items = forms.ModelMultipleChoiceField(
        label=_("Items"),
        queryset=TemplateItem.objects.none(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )
    note = forms.CharField(
        label=_("Question for the lawyer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, lawyers=None, template=None, **kwargs):
        super().__init__(*args, **kwargs)
        if lawyers is not None:
            self.fields["lawyer"].queryset = lawyers
        self.fields["lawyer"].label_from_instance = lambda u: u.get_full_name()
        items = TemplateItem.objects.filter(section__template=template).select_related("section")
        self.fields["items"].queryset = items
        self.fields["items"].label_from_instance = lambda i: f"{i.code} {i.text}"[:90]

    def chosen_items(self):
        if self.cleaned_data["scope"] == LEGAL:
            return list(self.fields["items"].queryset.filter(is_legal=True))
        return list(self.cleaned_data["items"])

    def clean(self):
        data = super().clean()
        if data.get("scope") == "items" and not data.get("items"):
            self.add_error("items", _("Choose the items for the lawyer."))
        return data


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Final decision"), choices=Decision.choices, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Required when the publication is sent back or prohibited."),
    )
    password = forms.CharField(
        label=_("Your password (signature)"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("Re-enter your password to confirm the decision in your name."),
    )

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.second_factor = None
        if request is not None and two_factor.has_device(request.user):
            self.fields["otp_token"] = OneTimeCodeField(
                label=_("Code from the authenticator app (signature)")
            )

    def clean(self):
        """The signature is checked first, before anything is said about the checklist: a wrong
        password (or code) gets the same answer whatever state the checklist is in, and counts
        towards the login lock (accounts/security.py) like a wrong password at login."""
        data = super().clean()
        if self.request is None or "password" in self.errors:
            return data
        user = self.request.user
        if not security.check_password(self.request, user, data.get("password", "")):
            self.add_error("password", _("The password is not correct."))
            return data
        if "otp_token" in self.fields and "otp_token" not in self.errors:
            device = two_factor.verify(user, data.get("otp_token", ""))
            if device is None:
                security.record_failure(self.request, user)
                self.add_error("otp_token", _("The code is not correct."))
            else:
                self.second_factor = device
        return data
