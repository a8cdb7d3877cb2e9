from django import forms
from django.utils.translation import gettext_lazy as _


class ConnectForm(forms.Form):
    token = forms.CharField(
        label=_("Bot token"),
        max_length=100,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
        help_text=_("From @BotFather. It is stored encrypted and never shown again."),
    )
    chat = forms.CharField(
        label=_("Channel @name or id"),
        max_length=100,
        help_text=_("The bot must be an administrator of the channel with the right to post."),
    )
    approve_access = forms.BooleanField(
        label=_("I approve adding the bot to the account's access list"),
        required=True,
    )


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("New bot token"),
        max_length=100,
        widget=forms.PasswordInput(render_value=False, attrs={"autocomplete": "off"}),
    )


class DisconnectForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
