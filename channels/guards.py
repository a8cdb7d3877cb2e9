"""Telegram's limits, checked before a publication is submitted, approved or published as
urgent (channels.apps adds the guard "R6.2-telegram" to those transitions of content's table)."""

from __future__ import annotations

from content.workflows import publication_workflow

from .payload import limit_problems


@publication_workflow.guard("R6.2-telegram")
def fits_telegram(actor, publication, data):
    """R6.2: what the head approves is exactly what goes out, so a publication going to a
    connected Telegram account must fit Telegram's limits (text 4096 characters, caption 1024,
    album 10, photo sides 20:1) before it is submitted, approved or sent as urgent."""
    # Asked by several steps on one page: read once per object (perform() locks a fresh one,
    # so the memo never outlives a step; content.guards._targets does the same).
    if "_telegram_refusal" not in publication.__dict__:
        publication._telegram_refusal = _refusal(publication)
    return publication._telegram_refusal


def _refusal(publication) -> str | None:
    from .delivery import connected_targets

    if publication.current_version_id is None or not connected_targets(publication):
        return None
    problems = limit_problems(publication.current_version)
    return " ".join(problems) if problems else None
