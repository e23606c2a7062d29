import pytest

pytestmark = pytest.mark.django_db


def names(response) -> set[str]:
    return {p.slug for p in response.context["partnerships"]}


def test_filter_by_country(client, clara_dataset):
    assert names(client.get("/en/collaborations/?country=CN")) == {"clara-international-shanghai"}
    assert names(client.get("/en/collaborations/?country=SN")) == {"senegal-delegation"}


def test_filter_by_region_theme_kind_and_status_combined(client, clara_dataset):
    europe = names(client.get("/en/collaborations/?region=europe"))
    assert {
        "milan-lung-cancer-biomarkers",
        "lausanne-dependence-receptors",
        "iarc-dkfz-infectiology",
        "catalonia-nanomedicine",
    } <= europe
    assert "clara-international-shanghai" not in europe
    assert names(client.get("/en/collaborations/?theme=liver-cancer")) == {
        "clara-international-shanghai"
    }
    combined = client.get(
        "/en/collaborations/?region=europe&kind=cluster_partnership&status=unknown"
    )
    assert names(combined) == {"milan-lung-cancer-biomarkers", "lausanne-dependence-receptors"}
    assert not names(client.get("/en/collaborations/?region=europe&status=active")) & {
        "milan-lung-cancer-biomarkers",
        "lausanne-dependence-receptors",
    }


def test_sorting(client, clara_dataset):
    response = client.get("/en/collaborations/?sort=-start")
    dated = [p.slug for p in response.context["partnerships"] if p.start_date]
    assert dated[:3] == ["oncopole-quebec", "lyonbiopole", "clara-international-shanghai"]
    ascending = [
        p.slug for p in client.get("/en/collaborations/?sort=name").context["partnerships"]
    ]
    descending = [
        p.slug for p in client.get("/en/collaborations/?sort=-name").context["partnerships"]
    ]
    assert ascending == descending[::-1]
    assert ascending != descending


@pytest.mark.parametrize(
    "query", ["country=XX", "theme=no-such-theme", "kind=spaceship", "sort=password", "region=mars"]
)
def test_invalid_filters_get_a_clear_message_not_an_error(client, clara_dataset, query):
    response = client.get(f"/en/collaborations/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Some filters could not be applied" in html
    assert "Select a valid choice" in html
    assert len(response.context["partnerships"]) == 14  # the list is shown unfiltered


def test_list_paginates(client, db):
    from tests.factories import PartnershipFactory

    for _ in range(25):
        PartnershipFactory()
    first = client.get("/en/collaborations/")
    assert len(first.context["partnerships"]) == 20
    assert 'rel="next"' in first.content.decode()
    assert len(client.get("/en/collaborations/?page=2").context["partnerships"]) == 5


def test_the_list_says_how_many_collaborations_it_shows(client, clara_dataset):
    from tests.public.test_forms import result_count

    assert result_count(client.get("/en/collaborations/").content.decode()) == "14 collaborations"
    one = client.get("/en/collaborations/?country=CN").content.decode()
    assert result_count(one) == "1 collaboration"


@pytest.mark.parametrize(("first", "then"), [("fr", "en"), ("en", "fr")])
def test_sort_labels_follow_the_page_language_whichever_asked_first(client, db, first, then):
    from django.utils import translation

    from partnerships.filters import PartnershipFilterSet

    expected = {
        "en": ["Name", "Name (descending)", "Start date", "Start date (descending)"],
        "fr": ["Nom", "Nom (décroissant)", "Date de début", "Date de début (décroissant)"],
    }
    with translation.override(first):
        sort = type(PartnershipFilterSet.base_filters["sort"])(
            fields=[("name", "name"), ("start_date", "start")],
            field_labels={"name": PartnershipFilterSet.base_filters["sort"].extra["choices"][0][1]},
        )
        labels_first = [str(label) for _value, label in sort.extra["choices"]]
    with translation.override(then):
        labels_then = [str(label) for _value, label in sort.extra["choices"]]
    assert labels_first[:2] == expected[first][:2]
    assert labels_then[:2] == expected[then][:2]
    for language in (first, then):
        html = client.get(f"/{language}/collaborations/").content.decode()
        for label in expected[language]:
            assert f">{label}</option>" in html
        for label in expected["fr" if language == "en" else "en"][1::2]:
            assert f">{label}</option>" not in html
