from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.utils.translation import gettext_lazy as _

from . import security
from .models import Membership, Organization, Role, User
from .picking import PickerWidget


class LoginForm(AuthenticationForm):
    # The user model's length: a longer name never reaches authenticate(), whose failure
    # django-axes records in a 255-character column (a 500 before, issue 11 §5).
    username = forms.CharField(
        label=_("Username"),
        max_length=150,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


class OneTimeCodeField(forms.CharField):
    """Six digits from the authenticator app, or one of the recovery codes."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Code from the authenticator app"))
        kwargs.setdefault("help_text", _("Six digits from the app, or one of your recovery codes."))
        super().__init__(
            max_length=32,
            widget=forms.TextInput(
                attrs={
                    "autocomplete": "one-time-code",
                    "inputmode": "numeric",
                    "autocapitalize": "off",
                    "spellcheck": "false",
                }
            ),
            **kwargs,
        )


class LoginCodeForm(forms.Form):
    otp_token = OneTimeCodeField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["otp_token"].widget.attrs["autofocus"] = True


class TwoFactorConfirmForm(forms.Form):
    otp_token = OneTimeCodeField(
        help_text=_("The six digits the app shows after you have scanned the code.")
    )


class PasswordConfirmForm(forms.Form):
    """The signed-in person's password, confirming a change to their own security; a wrong one
    counts towards the login lock (accounts/security.py)."""

    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, request, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not security.check_password(self.request, self.request.user, password):
            raise forms.ValidationError(_("The password is not correct."))
        return password


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, except that the e-mail is queued in the outbox (accounts/outbox.py)
    and made and sent by a worker, in its addressee's language. The page answers at the same
    speed whether or not the address belongs to anyone: no mail server or broker is waited for."""

    def save(self, **kwargs):
        from . import outbox

        for user in self.get_users(self.cleaned_data["email"]):
            outbox.enqueue(outbox.PASSWORD_RESET, {"user": user.pk})


class OrganizationForm(forms.ModelForm):
    class Meta:
        model = Organization
        fields = ["name_kk", "name_ru", "kind", "bin", "is_active"]


class OrganizationCreateForm(OrganizationForm):
    parent = forms.ModelChoiceField(
        label=_("Parent organization"),
        queryset=Organization.objects.all(),
        required=False,
        help_text=_("Leave empty only for the Central Committee."),
        widget=PickerWidget("organization", "accounts.organization.manage"),  # issue 14
    )

    class Meta(OrganizationForm.Meta):
        fields = ["parent", *OrganizationForm.Meta.fields]


class OrganizationMoveForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("New parent organization"),
        queryset=Organization.objects.all(),
        widget=PickerWidget("organization", "accounts.organization.manage"),  # issue 14
    )


class MembershipForm(forms.ModelForm):
    user = forms.ModelChoiceField(
        label=_("Person"),
        queryset=User.objects.filter(is_active=True),
        widget=PickerWidget("user", "accounts.membership.manage"),  # issue 14
    )

    class Meta:
        model = Membership
        fields = ["user", "role", "position"]
        widgets = {"role": forms.Select(choices=Role.choices)}


class UserCreateForm(forms.ModelForm):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    password2 = forms.CharField(
        label=_("Password confirmation"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    class Meta:
        model = User
        fields = ["username", "last_name", "first_name", "patronymic", "email", "language"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["email"].required = True
        self.helper = FormHelper()
        self.helper.form_tag = False

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 and p2 and p1 != p2:
            self.add_error("password2", _("The two password fields didn’t match."))
        elif p1:
            user = User(**{f: cleaned.get(f) for f in self.Meta.fields if f in cleaned})
            try:
                password_validation.validate_password(p1, user)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class UserUpdateForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["last_name", "first_name", "patronymic", "email", "language", "is_active"]
