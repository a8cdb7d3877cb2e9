from django import forms
from django.utils.translation import gettext_lazy as _

from accounts import files
from accounts.models import Organization, User
from accounts.picking import LIMIT as PICK_LIMIT
from accounts.picking import MultiPickerWidget, PickerWidget
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
    # Issue 13 (journey 1 in fewer steps): a new draft takes its photo at once; more files are
    # attached on the publication's page. Checked by content like every upload.
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        help_text=_("Optional. More files can be attached on the publication's page."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
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
        "photo",
    ]

    def __init__(self, data=None, *args, crisis=None, plan_item=None, with_photo=False, **kwargs):
        # Issue 13 point 7: "keep only the Kazakh (Russian) text" posts the form again with
        # `keep_only`: the language becomes that one and the other text is cleared.
        keep = data.get("keep_only") if data is not None else None
        if keep in ("kk", "ru") and plan_item is None:
            data = data.copy()
            data["language"] = keep
            data["text_ru" if keep == "kk" else "text_kk"] = ""
        super().__init__(data, *args, **kwargs)
        if not with_photo:
            del self.fields["photo"]
        self.keep_only_offer: tuple[str, str] | None = None
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
        if not self.is_bound:
            self._preselect()

    def _preselect(self) -> None:
        """Issue 13 point 7: where there is one choice it is made — the organization's only
        account, and the language when its accounts all publish in the same single one."""
        queryset = self.fields["accounts"].queryset
        if "accounts" not in self.initial:
            only = list(queryset[:2])
            if len(only) == 1:
                self.initial["accounts"] = only
        if "language" not in self.initial and not self.fields["language"].disabled:
            languages = set(queryset.order_by().values_list("languages", flat=True).distinct())
            if len(languages) == 1 and languages <= {"kk", "ru"}:
                self.initial["language"] = languages.pop()

    def clean(self):
        data = super().clean()
        accounts, language = data.get("accounts"), data.get("language")
        if accounts and language:
            self._check_languages(list(accounts), language, data)
        return data

    def _check_languages(self, accounts, language, data) -> None:
        """A post in a language an account does not publish in is refused naming the account
        and its language; where keeping one text fixes it, the page offers to (point 7)."""
        texts = {code: (data.get(f"text_{code}") or "").strip() for code in ("kk", "ru")}
        wanted: set[str] = set()
        for account in accounts:
            if account.languages not in ("kk", "ru") or language == account.languages:
                continue
            wanted.add(account.languages)
            self.add_error("accounts", language_mismatch(account, language))
        if len(wanted) == 1 and not self.fields["language"].disabled and texts[next(iter(wanted))]:
            code = wanted.pop()
            self.keep_only_offer = (code, str(LANGUAGE_TEXT[code]))


# Which text the "keep only" button keeps, by the account's language.
LANGUAGE_TEXT = {"kk": _("Keep only the Kazakh text"), "ru": _("Keep only the Russian text")}


def language_mismatch(account, language: str) -> str:
    """The refusal of a post in `language` to a single-language `account`, naming both."""
    params = {"account": account.display_name}
    if account.languages == "kk":
        if language == "both":
            message = _(
                "“%(account)s” publishes in Kazakh only, and this post has both texts: keep "
                "only the Kazakh text or choose another account."
            )
        else:
            message = _(
                "“%(account)s” publishes in Kazakh only, and this post is in Russian: write it "
                "in Kazakh or choose another account."
            )
    elif language == "both":
        message = _(
            "“%(account)s” publishes in Russian only, and this post has both texts: keep only "
            "the Russian text or choose another account."
        )
    else:
        message = _(
            "“%(account)s” publishes in Russian only, and this post is in Kazakh: write it in "
            "Russian or choose another account."
        )
    return str(message) % params


class DraftOrganizationForm(forms.Form):
    """Issue 13 point 7: who may draft for several organizations says for which one (a search
    field, issue 14); who may draft for one never sees it."""

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        widget=PickerWidget("organization", "content.publication.edit"),
    )

    def __init__(self, *args, organizations=None, **kwargs):
        super().__init__(*args, **kwargs)
        if organizations is not None:
            self.fields["organization"].queryset = organizations


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
    # Issue 14: the people of the declaring organization's subtree are found by a search (the
    # organization's own people offered first), not listed as a checkbox each.
    working_group = forms.ModelMultipleChoiceField(
        label=_("Working group"),
        queryset=User.objects.none(),
        widget=MultiPickerWidget("user", "content.view"),
        help_text=_(
            "Type a name to add a person; the organization's own people are offered first."
        ),
    )

    def __init__(self, *args, users=None, organization=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["working_group"].queryset = users if users is not None else User.objects.none()
        if organization is not None:
            own = self.fields["working_group"].queryset.filter(
                memberships__organization=organization
            )
            self.fields["working_group"].widget.quick = lambda: own[:PICK_LIMIT]


class CrisisOrganizationForm(forms.Form):
    """Which of the organizations the user chairs declares the crisis (a GET form): a search,
    not a select — a superuser may name any organization of the union."""

    organization = forms.ModelChoiceField(
        label=_("Organization"),
        queryset=Organization.objects.none(),
        widget=PickerWidget("organization", "content.crisis.manage"),
    )

    def __init__(self, *args, organizations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations


class ModerationForm(forms.ModelForm):
    class Meta:
        model = ModerationAction
        fields = ["account", "action", "ground", "excerpt", "link", "occurred_on", "note"]
        widgets = {
            "occurred_on": DateInput(),
            "excerpt": forms.Textarea(attrs={"rows": 2}),
            "note": forms.Textarea(attrs={"rows": 2}),
            # Issue 14: a search over the subtree's accounts, not a select of them.
            "account": PickerWidget("account", "content.moderation.record"),
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
