from crispy_forms.helper import FormHelper
from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .models import Membership, Organization, Role, User


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Username"),
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "username"}),
    )


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
    )

    class Meta(OrganizationForm.Meta):
        fields = ["parent", *OrganizationForm.Meta.fields]


class OrganizationMoveForm(forms.Form):
    parent = forms.ModelChoiceField(
        label=_("New parent organization"), queryset=Organization.objects.all()
    )


class MembershipForm(forms.ModelForm):
    user = forms.ModelChoiceField(label=_("Person"), queryset=User.objects.filter(is_active=True))

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
