from django import template

from backoffice import selectors

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def clara_dashboard(context):
    user = context["request"].user
    return {
        "expiring": selectors.expiring_agreements(user=user),
        "under_way": selectors.mobilities_under_way(user=user),
        "gaps": selectors.translation_gaps(user=user),
        "changes": selectors.recent_changes(user=user),
        "today": selectors.today(),
    }
