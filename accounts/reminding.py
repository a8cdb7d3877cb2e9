"""Exactly-once background notices in bulk (issue 14, point 5): the reminder jobs of appeals,
registry, reports and content find every due (object, kind) in one set-based query, then hand
the list to `send_once()`.

Each reminder is stood for by a *marker* row whose model has a unique constraint (a
`ReportReminder` per organization, period and kind; a `RotationReminder` per account, due date
and kind …). `send_once()` works in chunks of CHUNK markers, each in one transaction:

1. `claim()` inserts the chunk's markers with `INSERT … ON CONFLICT DO NOTHING RETURNING id` —
   the ones a previous or concurrent run already holds are skipped by the database itself (a
   concurrent run's uncommitted insert of the same key makes this one wait, then skip);
2. the notifications of the markers this run claimed, and their e-mails (outbox rows), are
   inserted with `accounts.notifications.notify_many()`.

A chunk commits or rolls back whole, so a worker killed mid-way leaves no marker without its
notifications: the next run sends the rest. The number of queries per chunk is constant.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connections, models, router, transaction

from .notifications import Message, notify_many

CHUNK = 1000


@dataclass
class Due:
    """One reminder to send: its marker (an unsaved row of the model with the unique key) and
    the notification it stands for."""

    marker: models.Model
    message: Message


def unique_key(model: type[models.Model]) -> tuple[str, ...]:
    """The attribute names of the model's (first) unique constraint: the reminder's identity."""
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields:
            return tuple(model._meta.get_field(name).attname for name in constraint.fields)
    raise LookupError(f"{model.__name__} has no unique constraint to send once by")


def key_of(marker: models.Model, key: Sequence[str]) -> tuple:
    return tuple(getattr(marker, name) for name in key)


def claim(markers: Sequence[models.Model]) -> set[tuple]:
    """Insert the markers, skipping those whose unique key is taken; the keys inserted now."""
    if not markers:
        return set()
    model = type(markers[0])
    key = unique_key(model)
    alias = router.db_for_write(model)
    connection = connections[alias]
    qn = connection.ops.quote_name
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    batch = max(1, connection.ops.bulk_batch_size(fields, list(markers)))
    ids: list = []
    with connection.cursor() as cursor:
        for start in range(0, len(markers), batch):
            part = markers[start : start + batch]
            params = [
                f.get_db_prep_save(f.pre_save(obj, add=True), connection)
                for obj in part
                for f in fields
            ]
            row = "(" + ", ".join(["%s"] * len(fields)) + ")"
            columns = ", ".join(qn(f.column) for f in fields)
            sql = (
                f"INSERT INTO {qn(model._meta.db_table)} ({columns})"
                f" VALUES {', '.join([row] * len(part))}"
                f" ON CONFLICT DO NOTHING RETURNING {qn(model._meta.pk.column)}"
            )
            cursor.execute(sql, params)
            ids.extend(r[0] for r in cursor.fetchall())
    if not ids:
        return set()
    return set(model._default_manager.using(alias).filter(pk__in=ids).values_list(*key))


def send_once(dues: Sequence[Due], *, chunk: int | None = None) -> int:
    """Send each due reminder whose marker no run has claimed yet; how many this run sent."""
    if not dues:
        return 0
    key = unique_key(type(dues[0].marker))
    # The same order in every run: two concurrent runs wait for each other's keys, never
    # deadlock on them.
    unique = {key_of(d.marker, key): d for d in reversed(dues)}  # one per key: the first
    ordered = [unique[k] for k in sorted(unique, key=lambda k: tuple((v is None, v) for v in k))]
    chunk = chunk or CHUNK
    sent = 0
    for start in range(0, len(ordered), chunk):
        part = ordered[start : start + chunk]
        with transaction.atomic():
            claimed = claim([d.marker for d in part])
            notify_many(d.message for d in part if key_of(d.marker, key) in claimed)
        sent += len(claimed)
    return sent
