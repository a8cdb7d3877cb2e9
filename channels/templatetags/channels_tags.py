from django import template

register = template.Library()


@register.inclusion_tag("channels/panel.html", takes_context=True)
def telegram_panel(context, account):
    """The Telegram panel of the registry's account page."""
    from ..views import panel_context

    return panel_context(context["request"].user, account)


@register.inclusion_tag("channels/publication_deliveries.html", takes_context=True)
def telegram_deliveries(context, publication):
    """The publication's deliveries to Telegram: sent with the link, or the error and what to
    do, with the steps the user may take."""
    from ..delivery import delivery_workflow
    from ..models import Delivery
    from ..simulator import in_use

    user = context["request"].user
    deliveries = list(
        Delivery.objects.filter(publication=publication).select_related("account").order_by("id")
    )
    for delivery in deliveries:
        delivery.actions = delivery_workflow.available_actions(user, delivery)
    return {
        "deliveries": deliveries,
        "simulator": in_use(),
        "publication": publication,
        "csrf_token": context.get("csrf_token"),
    }
