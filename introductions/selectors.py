from django.http import Http404

from contacts.selectors import KNOWN_SHOWN, known_contacts
from institutions.models import Institution, Team
from partnerships.models import Partnership

__all__ = ["KNOWN_SHOWN", "clara_teams", "contacts_for", "kind_of", "public_subject"]

# The records one may ask an introduction to, by the kind in the address: only public ones.
SUBJECT_KINDS = {
    "team": lambda: Team.objects.select_related("institution"),
    "institution": lambda: Institution.objects.partners_probed().light(),
    "collaboration": lambda: Partnership.objects.public(),
}


def kind_of(record) -> str:
    return {Team: "team", Institution: "institution", Partnership: "collaboration"}[type(record)]


def public_subject(kind: str, slug: str):
    """The public team, institution or collaboration an introduction concerns, or 404."""
    if kind not in SUBJECT_KINDS:
        raise Http404
    record = SUBJECT_KINDS[kind]().filter(slug=slug).first()
    if record is None:
        raise Http404
    return record


def clara_teams():
    """The teams of CLARA's regional members, for the researcher to say where they work."""
    return (
        Team.objects.filter(institution__network_role=Institution.NetworkRole.REGIONAL_MEMBER)
        .select_related("institution")
        .order_by("name", "pk")
    )


def contacts_for(request) -> list:
    """Who we know at the record a request concerns: its institution (a team's, or itself)
    and its collaboration, or the collaboration's members."""
    institution_ids, partnership_ids = set(), set()
    if request.team_id:
        institution_ids.add(request.team.institution_id)
    if request.institution_id:
        institution_ids.add(request.institution_id)
    if request.partnership_id:
        partnership_ids.add(request.partnership_id)
        members = request.partnership.members.values_list("institution_id", flat=True)[:200]
        institution_ids.update(members)
    if not institution_ids and not partnership_ids:
        return []
    return known_contacts(institution_ids=institution_ids, partnership_ids=partnership_ids)
