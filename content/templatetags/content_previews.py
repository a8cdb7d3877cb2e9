"""`{% network_previews publication %}`: the publication as each target account's network will
show it (content/previews.py; the partial is templates/content/_preview.html). One line on the
publication page and on the approval page."""

from django import template

register = template.Library()


@register.inclusion_tag("content/_preview.html")
def network_previews(publication, version=None):
    from ..previews import client_data, preview

    version = version or publication.current_version
    accounts = [t.account for t in publication.targets.select_related("account").order_by("id")]
    cards = [preview(version, account) for account in accounts] if version else []
    return {
        "cards": cards,
        "blocked": any(card.blocking for card in cards),
        "compose_data": client_data(accounts),
    }
