import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from events.models import Event
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from people.models import Person
from synthetic.models import SyntheticBatch
from synthetic.services import DatasetPresent, SyntheticDataInUse, generate, remove, sizes_for
from tests import factories as f

pytestmark = pytest.mark.django_db

TINY = 0.001


def snapshot() -> list:
    """What a batch wrote, without keys, timestamps or key-derived slugs."""
    return [
        list(Institution.objects.order_by("pk").values_list("name_fr", "name_en", "country")),
        list(Team.objects.order_by("pk").values_list("name_fr", "institution__name_en")),
        list(Person.objects.order_by("pk").values_list("first_name", "last_name", "is_public")),
        list(Partnership.objects.order_by("pk").values_list("name_en", "status", "countries")),
        list(
            PartnershipMember.objects.order_by("pk").values_list(
                "partnership__name_en", "institution__name_fr", "role"
            )
        ),
        list(Agreement.objects.order_by("pk").values_list("title_fr", "status", "signed_on")),
        list(MobilityExchange.objects.order_by("pk").values_list("planned_start", "status")),
        list(Event.objects.order_by("pk").values_list("title_en", "start_date")),
    ]


def test_a_tiny_scale_writes_the_issue_shapes_in_proportion():
    batch = generate(scale=TINY, seed=1)

    sizes = sizes_for(TINY)
    assert sizes["institutions"] == 100
    assert sizes["mobilities"] == 200
    assert Institution.objects.count() == sizes["institutions"]
    assert Team.objects.count() == sizes["teams"]
    assert Person.objects.count() == sizes["people"]
    assert Partnership.objects.count() == sizes["partnerships"]
    assert Agreement.objects.count() == sizes["agreements"]
    assert MobilityExchange.objects.count() == sizes["mobilities"]
    assert Event.objects.count() == sizes["events"]
    assert batch.counts["institutions_institution"] == sizes["institutions"]
    # As an import writes them: one "+" history row per record.
    assert Institution.history.filter(history_type="+").count() == sizes["institutions"]
    assert Agreement.history.count() == sizes["agreements"]
    # Agreements have 2 to 4 parties, except the large consortium ones.
    parties = [a.parties.count() for a in Agreement.objects.exclude(kind="consortium")]
    assert min(parties) >= 2
    assert max(parties) <= 4
    # A few networks with many members; most partnerships are small.
    members = sorted(p.members.count() for p in Partnership.objects.all())
    assert members[-1] >= 50
    assert members[0] >= 2
    assert Agreement.objects.filter(is_confidential=True).exists()
    assert Agreement.objects.filter(is_confidential=False).exists()
    assert Person.objects.filter(is_public=False).exists()
    assert Person.objects.filter(is_public=True).exists()
    assert Institution.objects.values("country").distinct().count() > 5


def test_both_languages_are_filled_with_accents():
    generate(scale=TINY, seed=2)

    for model, field in [
        (Institution, "name"),
        (Team, "name"),
        (Partnership, "name"),
        (Agreement, "title"),
        (Event, "title"),
    ]:
        rows = list(model.objects.values_list(f"{field}_fr", f"{field}_en"))
        assert all(fr and en for fr, en in rows), model
        assert any(set(fr) & set("éèêàçôûîœ") for fr, _ in rows), model
    assert Institution.objects.exclude(city_fr="").filter(city_en="").count() == 0
    assert Person.objects.filter(last_name__regex=r"[éèüöøłñç]").exists()


def test_the_same_seed_writes_the_same_records_and_another_seed_others():
    generate(scale=TINY, seed=7)
    first = snapshot()
    remove()
    generate(scale=TINY, seed=7)
    assert snapshot() == first
    remove()
    generate(scale=TINY, seed=8)
    assert snapshot() != first


def test_removal_deletes_the_batch_and_keeps_the_real_records():
    real = f.InstitutionFactory(slug="real-institute", name_fr="Institut réel")
    real_partnership = f.PartnershipFactory(slug="real-programme")
    f.PartnershipMemberFactory(partnership=real_partnership, institution=real)
    generate(scale=TINY, seed=3)
    synthetic = Institution.objects.exclude(pk=real.pk).first()
    synthetic.name_fr = "Corrigé dans le back-office"
    synthetic.save()  # a later history row of a synthetic record

    call_command("remove_synthetic_data", verbosity=0)

    assert list(Institution.objects.values_list("slug", flat=True)) == ["real-institute"]
    assert Partnership.objects.get().slug == "real-programme"
    assert PartnershipMember.objects.count() == 1
    assert Team.objects.count() == Person.objects.count() == AgreementParty.objects.count() == 0
    assert MobilityExchange.objects.count() == Event.objects.count() == 0
    assert not Institution.history.exclude(id=real.pk).exists()
    assert not SyntheticBatch.objects.exists()


def test_removing_one_batch_keeps_the_other():
    first = generate(scale=TINY, seed=1)
    generate(scale=TINY, seed=2)
    assert Institution.objects.count() == 2 * sizes_for(TINY)["institutions"]

    remove(batches=[first])

    assert Institution.objects.count() == sizes_for(TINY)["institutions"]
    assert SyntheticBatch.objects.count() == 1


def test_a_real_record_that_relies_on_a_synthetic_one_stops_the_removal():
    generate(scale=TINY, seed=4)
    synthetic = Institution.objects.first()
    real = f.PartnershipFactory(slug="real-programme")
    f.PartnershipMemberFactory(partnership=real, institution=synthetic)

    with pytest.raises(SyntheticDataInUse, match="participating institutions"):
        remove()
    assert Institution.objects.filter(pk=synthetic.pk).exists()


def test_the_generator_refuses_a_database_with_the_clara_dataset(clara_dataset):
    before = Institution.objects.count()

    with pytest.raises(DatasetPresent):
        generate(scale=TINY, seed=1)
    with pytest.raises(CommandError, match="CLARA dataset"):
        call_command("generate_synthetic_data", "--scale", "0.001", verbosity=0)
    assert Institution.objects.count() == before

    call_command("generate_synthetic_data", "--scale", "0.001", "--allow-with-dataset", verbosity=0)
    assert Institution.objects.count() == before + sizes_for(TINY)["institutions"]
    remove()
    assert Institution.objects.count() == before


def test_the_fixture_builds_two_data_sizes(synthetic_data):
    synthetic_data(scale=0.001)
    small = Team.objects.count()
    synthetic_data(scale=0.003, seed=2)
    assert Team.objects.count() == small + sizes_for(0.003)["teams"] > 3 * small


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite takes the largest key + 1: no sequence"
)
def test_a_sequence_is_never_moved_back(db):
    """Rows committed by another connection may hold keys this transaction cannot see (the
    CLARA dataset while a test deletes it in its own transaction): the generator's sequence
    reset must not hand their keys out again."""
    from synthetic.generator import advance_sequences
    from themes.models import ResearchTheme

    with connection.cursor() as cursor:
        cursor.execute("SELECT nextval(pg_get_serial_sequence('themes_researchtheme', 'id'))")
        issued = cursor.fetchone()[0]
    ResearchTheme.objects.all().delete()
    advance_sequences([ResearchTheme])
    assert f.ResearchThemeFactory().pk > issued
