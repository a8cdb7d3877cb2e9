"""Factories for the checklist's tests. Publications are built with content.models directly
(the content app's own factories may change while both apps are built)."""

from django.utils import timezone

from checklist.models import Answer, Checklist, Decision, TemplateItem, TemplateVersion
from content.models import Attachment, Publication, PublicationVersion

REASON = "Түсініктеме"


def publication(organization, author, *, title="Ереуіл туралы ескерту", status="draft", **fields):
    """A publication with its first (current) version."""
    pub = Publication.objects.create(
        organization=organization,
        author=author,
        kind=fields.pop("kind", "informational"),
        direction=fields.pop("direction", "news"),
        language=fields.pop("language", "kk"),
        audiences=["members"],
        status=status,
        **fields,
    )
    version = PublicationVersion.objects.create(
        publication=pub, number=1, title=title, text_kk="Мәтін", created_by=author
    )
    pub.current_version = version
    pub.save(update_fields=["current_version"])
    return version


def add_photo(version):
    return Attachment.objects.create(
        version=version, kind=Attachment.Kind.PHOTO, file="content/x.jpg", original_name="x.jpg"
    )


def items(template=None):
    template = template or TemplateVersion.objects.current()
    return list(TemplateItem.objects.filter(section__template=template).select_related("section"))


def item(code, template=None):
    template = template or TemplateVersion.objects.current()
    return TemplateItem.objects.get(section__template=template, code=code)


def all_yes(exclude=()):
    """{item id: ("yes", "")} for every item of the current template but `exclude` (codes)."""
    return {i.pk: ("yes", "") for i in items() if i.code not in exclude}


def filled(version, user, *, status="in_progress", decision="", no=(), **fields):
    """A checklist with every item answered "yes" (or "no" for the codes in `no`), written
    directly to the database (the services are tested on their own)."""
    checklist = Checklist.objects.create(
        version=version,
        template=TemplateVersion.objects.current(),
        status=status,
        decision=decision,
        decided_at=timezone.now() if decision else None,
        decided_by=user if decision else None,
        **fields,
    )
    Answer.objects.bulk_create(
        Answer(
            checklist=checklist,
            item=i,
            value="no" if i.code in no else "yes",
            comment=REASON if i.code in no else "",
            answered_by=user,
            answered_at=timezone.now(),
        )
        for i in items()
    )
    return checklist


def completed(version, user, decision=Decision.PERMITTED, **kwargs):
    return filled(version, user, status="completed", decision=decision, **kwargs)


def ensure_template() -> TemplateVersion:
    """The seeded Appendix 1. A transactional test (the browser journeys) flushes the tables
    the data migration filled; seed them again with the migration's own function."""
    import importlib

    from django.apps import apps

    if not TemplateVersion.objects.exists():
        importlib.import_module("checklist.migrations.0002_appendix_1").seed(apps, None)
    return TemplateVersion.objects.current()
