"""Two chairmen (or a chairman and a recall) acting at the same moment: exactly one wins.
Needs real row locks, so it runs on PostgreSQL (CI); SQLite serializes writers anyway."""

import threading

import pytest
from django.db import connection, connections

from accounts.exceptions import InvalidTransition
from content import services
from content.models import Publication, PublicationStatus
from tests.conftest import need_service
from tests.content.factories import publication

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_decisions_at_once_one_wins_and_the_other_is_told(cast):
    if connection.vendor != "postgresql":
        need_service(
            "PostgreSQL", "row-lock concurrency is tested on PostgreSQL (set DATABASE_URL)"
        )
    p = publication(cast.own, cast.alice, status=PublicationStatus.SUBMITTED, frozen=True)
    barrier = threading.Barrier(2)
    results = []

    def act(name, call):
        try:
            barrier.wait()
            call()
            results.append((name, "ok"))
        except InvalidTransition:
            results.append((name, "refused"))
        except Exception as error:  # surfaced by the assertion below
            results.append((name, repr(error)))
        finally:
            connections.close_all()

    threads = [
        threading.Thread(
            target=act,
            args=(
                "approve",
                lambda: services.publication_approve(
                    actor=cast.charlie, publication=p, version_number=1
                ),
            ),
        ),
        threading.Thread(
            target=act,
            args=("recall", lambda: services.publication_recall(actor=cast.alice, publication=p)),
        ),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert sorted(r for _n, r in results) == ["ok", "refused"]
    winner = next(n for n, r in results if r == "ok")
    status = Publication.objects.get(pk=p.pk).status
    assert status == (
        PublicationStatus.APPROVED if winner == "approve" else PublicationStatus.DRAFT
    )
