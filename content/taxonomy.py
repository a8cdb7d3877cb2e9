"""The Regulation's lists (R5.1–R5.3), exactly: content types, their directions, audiences.
Labels are translated in locale/ with the Regulation's own Kazakh wording and the Russian
edition's (docs/regulation/regulation.ru.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ContentKind(models.TextChoices):
    """R5.3.1–R5.3.6; the report counts publications by these (RPT3.2)."""

    INFORMATIONAL = "informational", _("Informational content")
    LEGAL = "legal", _("Legal and explanatory content")
    SOCIAL = "social", _("Social protection content")
    EDUCATIONAL = "educational", _("Educational content")
    IMAGE = "image", _("Image and business reputation content")
    INTERACTIVE = "interactive", _("Interactive content")


# (code, kind, label): each direction belongs to one content type.
_DIRECTIONS = [
    ("news", ContentKind.INFORMATIONAL, _("union news")),
    ("statements", ContentKind.INFORMATIONAL, _("official statements, appeals, decisions")),
    ("announcements", ContentKind.INFORMATIONAL, _("announcements of events, meetings, campaigns")),
    ("work_reports", ContentKind.INFORMATIONAL, _("reports on work done")),
    ("law_explained", ContentKind.LEGAL, _("explaining labour, social and administrative law")),
    ("rights", ContentKind.LEGAL, _("workers' rights and guarantees")),
    ("lawyers", ContentKind.LEGAL, _("explanations by union lawyers")),
    ("algorithms", ContentKind.LEGAL, _("algorithms for protecting rights (step-by-step guides)")),
    (
        "partnership",
        ContentKind.SOCIAL,
        _("social partnership events, fulfilment of collective agreements and agreements"),
    ),
    ("help_cases", ContentKind.SOCIAL, _("concrete cases of help given to union members")),
    ("conflict_support", ContentKind.SOCIAL, _("support for workers in conflicts and crises")),
    ("aid_info", ContentKind.SOCIAL, _("information on material, legal and moral help")),
    ("webinars", ContentKind.EDUCATIONAL, _("webinars, training videos, infographics")),
    ("culture", ContentKind.EDUCATIONAL, _("raising union and legal culture")),
    (
        "training",
        ContentKind.EDUCATIONAL,
        _(
            "training union activists, employers' representatives and members of conciliation "
            "commissions for individual labour disputes"
        ),
    ),
    ("success", ContentKind.IMAGE, _("success stories")),
    ("achievements", ContentKind.IMAGE, _("achievements of union organizations")),
    ("interviews", ContentKind.IMAGE, _("interviews with activists and social partners")),
    ("values", ContentKind.IMAGE, _("union values and mission")),
    ("surveys", ContentKind.INTERACTIVE, _("surveys, votes, questionnaires")),
    ("qa", ContentKind.INTERACTIVE, _("subscribers' questions and answers")),
    ("live", ContentKind.INTERACTIVE, _("live broadcasts")),
    ("feedback", ContentKind.INTERACTIVE, _("feedback and discussions")),
]

DIRECTION_CHOICES = [(code, label) for code, _kind, label in _DIRECTIONS]
DIRECTION_KIND = {code: kind for code, kind, _label in _DIRECTIONS}


def directions_of(kind: str) -> list[tuple[str, str]]:
    return [(code, label) for code, k, label in _DIRECTIONS if k == kind]


class Audience(models.TextChoices):
    """R5.2."""

    MEMBERS = "members", _("union members")
    WORKERS = "workers", _("sector workers")
    EMPLOYERS = "employers", _("employers and heads of organizations")
    STATE = "state", _("state bodies")
    PUBLIC = "public", _("the general public and the media")


class Language(models.TextChoices):
    """R5.1: the state language (Kazakh) and/or Russian."""

    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    BOTH = "both", _("Kazakh and Russian")
