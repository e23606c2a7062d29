from .models import PartnerContact

KNOWN_SHOWN = 20


def known_contacts(*, institution_ids=(), partnership_ids=(), limit: int = KNOWN_SHOWN):
    """Who we know there: the first contacts at these institutions or collaborations (one
    query, bounded), with their latest exchange date."""
    from django.db.models import Max

    return list(
        PartnerContact.objects.at(institution_ids=institution_ids, partnership_ids=partnership_ids)
        .select_related("institution", "partnership")
        .annotate(last_exchange=Max("exchanges__date"))
        .order_by("role", "name", "pk")[:limit]
    )
