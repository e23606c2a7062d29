from django import template

from backoffice import selectors

register = template.Library()


@register.inclusion_tag("admin/includes/dashboard.html", takes_context=True)
def clara_dashboard(context):
    user = context["request"].user
    return {
        "notices": selectors.renewal_notices_due(user=user),
        "ending": selectors.ending_agreements(user=user),
        "renewing": selectors.renewals_in_progress(user=user),
        "moves": selectors.mobility_moves(user=user),
        "proposals": selectors.proposals_to_review(user=user),
        "may_renew": user.has_perm("partnerships.add_agreement"),
        "notice_window": selectors.NOTICE_WINDOW,
        "moves_window": selectors.MOVES_WINDOW,
        "gaps": selectors.translation_gaps(user=user),
        "changes": selectors.recent_changes(user=user),
        "today": selectors.today(),
        "unsourced": selectors.unsourced_records(),
    }


@register.filter
def admin_change_link(obj):
    """A link to the record's admin page, with its kind: "Partnership: Nano2Life"."""
    from django.urls import NoReverseMatch, reverse
    from django.utils.html import format_html
    from django.utils.translation import gettext

    opts = obj._meta
    label = gettext("%(kind)s: %(record)s") % {
        "kind": str(opts.verbose_name).capitalize(),
        "record": obj,
    }
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return label
    return format_html('<a href="{}">{}</a>', url, label)
