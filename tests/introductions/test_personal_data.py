"""A person's GDPR export and erasure (people.services) include what they sent from their
address: introduction requests and saved searches."""

import pytest
from django.utils import timezone

from introductions.models import IntroductionRequest
from people.services import erase_person, export_person_data
from savedsearches.models import SavedSearch
from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_persons_export_and_erasure_cover_their_requests(admin_user):
    person = f.PersonFactory(email="zoe.martin@example.org")
    team = f.TeamFactory()
    IntroductionRequest.objects.create(
        name="Zoé Martin",
        email="Zoe.Martin@example.org",
        language="fr",
        message="Looking for a partner in Shanghai.",
        subject=str(team),
        consent_at=timezone.now(),
        team=team,
    )
    SavedSearch.objects.create(
        email="zoe.martin@example.org", kind="teams", query_string="q=liver", language="fr"
    )
    other = SavedSearch.objects.create(
        email="someone@example.org", kind="teams", query_string="q=liver", language="fr"
    )
    data = export_person_data(person=person, user=admin_user)
    assert data["introduction_requests"][0]["message"] == "Looking for a partner in Shanghai."
    assert len(data["saved_searches"]) == 1
    erase_person(person=person)
    assert not IntroductionRequest.objects.exists()
    assert not IntroductionRequest.history.exists()
    assert list(SavedSearch.objects.all()) == [other]
