"""The ROR directory: import_ror, the directory/partner separation, match_ror and its review.

The fixture holds 33 real ROR v2 records cut from the shared dump: CNRS (names in French and
English), a v1-converted record with null admin dates (000050t83), a withdrawn record with its
successor (0006jh821 -> 03qn8fb07), Université de Lyon with two of its children, and the
organisations of the CLARA dataset.
"""

import copy
import gzip
import json
import zipfile
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from institutions.models import Institution, RorMatch
from institutions.ror import RorDumpError, map_record
from institutions.selectors import propose_ror_matches
from institutions.services import accept_match, import_ror, record_matches, reject_match

from ..factories import InstitutionFactory, PartnershipMemberFactory
from ..helpers import whole_sitemap

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parent / "data" / "ror-sample.json"


def records() -> list[dict]:
    return json.loads(SAMPLE.read_text(encoding="utf-8"))


def write(tmp_path, data, name="dump.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def imported():
    return import_ror(path=str(SAMPLE))


def ror(ror_id: str) -> Institution:
    return Institution.objects.get(ror_id=ror_id)


# Mapping ---------------------------------------------------------------------------------------


def test_import_maps_names_types_place_and_identifiers(imported):
    assert imported.created == 33
    cnrs = ror("02feahw73")
    assert cnrs.name_fr == "Centre National de la Recherche Scientifique"
    assert cnrs.name_en == "French National Centre for Scientific Research"
    assert cnrs.acronym == "CNRS"
    assert cnrs.kind == Institution.Kind.FUNDING_AGENCY  # funder, government
    assert cnrs.country.code == "FR"
    assert cnrs.city == "Paris"
    assert cnrs.latitude is not None
    assert cnrs.website == "https://www.cnrs.fr"
    assert cnrs.wikidata_id == "Q280413"
    assert cnrs.founded_year == 1939
    assert cnrs.source == Institution.Source.ROR
    assert cnrs.ror_external_ids["isni"]
    assert "funder" in cnrs.ror_types
    # No French label: the display name is used for both languages.
    fudan = ror("013q1eq08")
    assert fudan.name_fr == fudan.name_en == "Fudan University"
    assert fudan.kind == Institution.Kind.UNIVERSITY


def test_acronyms_and_aliases_are_kept_and_searchable(imported):
    lyon = ror("01rk35k63")
    assert "university of lyon system" in lyon.ror_names
    assert Institution.objects.filter(ror_names__contains="lyongo unibertsitatea").get() == lyon
    assert "CNRS" in ror("02feahw73").ror_names_of("acronym")


def test_v1_converted_record_with_null_admin_dates(imported):
    record = next(r for r in records() if r["id"].endswith("000050t83"))
    assert record["admin"]["created"]["date"] is None
    institution = ror("000050t83")
    assert institution.name_en == "Electronic Navigation Research Institute"
    assert institution.ror_status == Institution.RorStatus.ACTIVE


def test_withdrawn_and_inactive_kept_and_flagged_with_successor(imported):
    withdrawn = ror("0006jh821")
    assert withdrawn.ror_status == Institution.RorStatus.WITHDRAWN
    assert withdrawn.is_deactivated
    assert withdrawn.ror_successor == "03qn8fb07"
    assert ror("04yznqr36").ror_successor == "030bahv93"


def test_parent_relations_become_the_hierarchy_and_pending_ones_wait(imported):
    assert ror("029brtt94").parent == ror("01rk35k63")
    assert set(ror("01rk35k63").children.values_list("ror_id", flat=True)) == {
        "029brtt94",
        "030bahv93",
    }
    pending = ror("00kneq391")
    assert pending.parent is None
    assert pending.ror_parent == "05f82e368"
    assert imported.pending_relations >= 1


# Formats, idempotency, updates ---------------------------------------------------------------


def test_gzip_and_zip_dumps_are_read_the_zip_member_chosen_by_content(tmp_path):
    data = records()[:5]
    gz = tmp_path / "dump.json.gz"
    gz.write_bytes(gzip.compress(json.dumps(data).encode()))
    assert import_ror(path=str(gz)).created == 5
    archive = tmp_path / "v9.9-2026-06-23-ror-data.zip"
    v1 = [{"id": r["id"], "name": "v1 shape"} for r in records()[5:8]]
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("v9.9-2026-06-23-ror-data.json", json.dumps(v1))  # schema v1: skipped
        zf.writestr("v9.9-2026-06-23-ror-data.csv", "id,name\n")
        zf.writestr("release.json", json.dumps(records()[5:8]))
    assert import_ror(path=str(archive)).created == 3


def test_second_run_writes_nothing(imported):
    with CaptureQueriesContext(connection) as queries:
        report = import_ror(path=str(SAMPLE))
    assert (report.created, report.updated, report.deactivated) == (0, 0, 0)
    assert report.unchanged == 33
    writes = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []


def test_newer_dump_updates_only_what_changed(tmp_path, imported):
    data = records()
    for record in data:
        if record["id"].endswith("02feahw73"):
            record["links"] = [{"type": "website", "value": "https://www.cnrs.fr/en"}]
        if record["id"].endswith("01hv94n30"):
            record["status"] = "inactive"
    paris_cite = {
        "id": "https://ror.org/05f82e368",
        "names": [
            {"value": "Université Paris Cité", "types": ["ror_display", "label"], "lang": "fr"}
        ],
        "types": ["education"],
        "status": "active",
        "locations": [],
        "links": [],
        "external_ids": [],
        "relationships": [],
        "established": 2019,
        "admin": {},
    }
    report = import_ror(path=str(write(tmp_path, [*data, paris_cite])))
    assert (report.created, report.updated, report.deactivated) == (1, 2, 1)
    assert report.relations_resolved == 2  # its two units were waiting for it
    assert ror("02feahw73").website == "https://www.cnrs.fr/en"
    assert ror("00kneq391").parent == ror("05f82e368")
    assert ror("01hv94n30").is_deactivated


def test_staff_typed_values_are_never_overwritten_empty_fields_are_filled():
    clara = InstitutionFactory(
        ror_id="013q1eq08", website="https://www.fudan.edu.cn/en/", founded_year=None
    )
    import_ror(path=str(SAMPLE))
    clara.refresh_from_db()
    assert clara.source == Institution.Source.CLARA
    assert clara.website == "https://www.fudan.edu.cn/en/"
    assert clara.name_en == "Institute" + clara.name_en.removeprefix("Institute")  # kept
    assert clara.founded_year == 1905
    assert clara.from_ror("founded_year")
    assert not clara.from_ror("website")


# Bad input -------------------------------------------------------------------------------------


def test_not_json_is_a_clear_error(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text("<html>not json</html>")
    with pytest.raises(CommandError, match="not a ROR data dump") as error:
        call_command("import_ror", str(path))
    assert "Nothing was written" in str(error.value)


def test_wrong_schema_version_names_the_record(tmp_path):
    v1 = [{"id": "https://ror.org/02feahw73", "name": "CNRS", "types": ["Government"]}]
    with pytest.raises(RorDumpError, match=r"record #1 \(https://ror.org/02feahw73\).*schema v2"):
        import_ror(path=str(write(tmp_path, v1)))


def test_missing_id_names_the_record_earlier_batches_kept_and_rerun_works(tmp_path):
    data = records()
    broken = copy.deepcopy(data)
    del broken[25]["id"]
    with pytest.raises(CommandError, match=r"record #26 \(.+\): the record has no id") as error:
        call_command("import_ror", str(write(tmp_path, broken)), batch_size=10)
    assert "The 20 records before its batch were saved" in str(error.value)
    assert Institution.objects.directory().count() == 20  # two whole batches, nothing half
    report = import_ror(path=str(write(tmp_path, data, "fixed.json")), batch_size=10)
    assert (report.created, report.unchanged) == (13, 20)


def test_truncated_json_is_reported(tmp_path):
    path = tmp_path / "dump.json"
    path.write_text(SAMPLE.read_text(encoding="utf-8")[:5000])
    with pytest.raises(RorDumpError, match="invalid JSON"):
        import_ror(path=str(path))


def test_map_record_rejects_an_invalid_ror_id():
    record = records()[0] | {"id": "https://ror.org/02feahw74"}
    with pytest.raises(RorDumpError, match="not a valid ROR id"):
        map_record(record, 1)


def test_command_prints_one_summary_line(capsys):
    call_command("import_ror", str(SAMPLE))
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1
    assert "33 created" in out[0]


# Directory vs partners on public pages and in the API -----------------------------------------


def test_public_pages_show_partners_only_unless_the_whole_directory_is_asked(client, imported):
    partner = InstitutionFactory(name_en="Our partner")
    directory = ror("01cmnjq37")  # Centre Léon Bérard
    page = client.get(reverse("institutions:institution-list")).content.decode()
    assert partner.name_en in page
    assert "Centre Léon Bérard" not in page
    everything = client.get(reverse("institutions:institution-list"), {"directory": "all"})
    assert "Centre Léon Bérard" in everything.content.decode()
    assert client.get(directory.get_absolute_url()).status_code == 404
    sitemap = whole_sitemap(client)
    assert directory.slug not in sitemap
    assert partner.slug in sitemap
    search = client.get(reverse("search:search"), {"q": "Bérard", "type": "institutions"})
    assert search.status_code == 200
    assert "Centre Léon Bérard" not in search.content.decode()


def test_a_directory_organisation_becomes_public_once_it_takes_part(client, imported):
    directory = ror("00v452281")  # IARC
    assert client.get(directory.get_absolute_url()).status_code == 404
    PartnershipMemberFactory(institution=directory)
    assert client.get(directory.get_absolute_url()).status_code == 200
    page = client.get(reverse("institutions:institution-list")).content.decode()
    assert directory.name_en in page
    detail = client.get(directory.get_absolute_url()).content.decode()
    assert "https://ror.org/00v452281" in detail
    assert '"identifier"' in detail
    assert "https://www.wikidata.org/wiki/Q552168" in detail


def test_api_lists_the_directory_filtered_by_country_type_and_ror_id(client, imported):
    url = reverse("api:institution-list")
    assert client.get(url).json()["count"] == 0
    everything = client.get(url, {"directory": "all"}).json()
    assert everything["count"] == 33
    expected = {
        r["id"][-9:]
        for r in records()
        if r["locations"][0]["geonames_details"]["country_code"] == "FR"
        and "nonprofit" in r["types"]
    }
    assert expected
    french = client.get(url, {"directory": "all", "country": "FR", "ror_type": "nonprofit"}).json()
    assert {row["ror_id"] for row in french["results"]} == expected
    one = client.get(url, {"directory": "all", "ror_id": "02feahw73"}).json()
    assert [row["ror_id"] for row in one["results"]] == ["02feahw73"]
    by_url = client.get(url, {"directory": "all", "ror_id": "https://ror.org/02feahw73"}).json()
    assert [row["ror_id"] for row in by_url["results"]] == ["02feahw73"]


# Matching and review ------------------------------------------------------------------------


def test_match_is_accent_and_case_insensitive_weighted_by_country_and_city(imported):
    sherbrooke = InstitutionFactory(
        name_fr="UNIVERSITE DE SHERBROOKE", name_en="", country="CA", city_fr="Sherbrooke"
    )
    elsewhere = InstitutionFactory(
        name_fr="Universite de Sherbrooke", name_en="", country="FR", city_fr="Lyon"
    )
    results = {r.institution: r for r in propose_ror_matches()}
    best = results[sherbrooke].best
    assert best.ror_id == "00kybxq39"
    assert best.confidence == 1.0
    assert results[sherbrooke].unique_high_confidence
    # Another country halves the confidence: below the threshold of a proposal.
    assert results[elsewhere].best is None


def test_match_ror_apply_links_unique_matches_and_leaves_unknown_ones(imported):
    fudan = InstitutionFactory(
        name_fr="Université Fudan", name_en="Fudan University", country="CN", city_en="Shanghai"
    )
    unknown = InstitutionFactory(name_fr="Oncocat", name_en="Oncocat", country="ES")
    directory_pk = ror("013q1eq08").pk
    PartnershipMemberFactory(institution=fudan)
    call_command("match_ror", "--apply", verbosity=0)
    fudan.refresh_from_db()
    unknown.refresh_from_db()
    assert fudan.ror_id == "013q1eq08"
    assert fudan.website == "https://fudan.edu.cn"
    assert fudan.from_ror("website")
    assert not Institution.objects.filter(pk=directory_pk).exists()  # merged into CLARA's row
    assert unknown.ror_id == ""
    assert RorMatch.objects.get(institution=fudan).status == RorMatch.Status.ACCEPTED
    # The next import updates CLARA's row, never creates a second one.
    assert import_ror(path=str(SAMPLE)).created == 0


def test_ambiguous_matches_go_to_review_and_staff_decide_with_history(imported, admin_user):
    # Country and city unknown: two organisations of that name, neither sure enough.
    jean_monnet = InstitutionFactory(
        name_fr="Universite JEAN-MONNET", name_en="", country="", city_fr="", city_en=""
    )
    report = record_matches(results=propose_ror_matches(), apply=True)
    assert report.applied == 0
    proposals = RorMatch.objects.filter(institution=jean_monnet)
    assert proposals.count() >= 2
    assert all(0 < p.confidence < 1 for p in proposals)
    chosen = proposals.get(ror_id="030bahv93")
    accept_match(match=chosen, user=admin_user)
    jean_monnet.refresh_from_db()
    assert jean_monnet.ror_id == "030bahv93"
    assert proposals.get(ror_id="04yznqr36").status == RorMatch.Status.REJECTED
    chosen.refresh_from_db()
    assert chosen.reviewed_by == admin_user
    assert chosen.history.count() >= 2


def test_a_rejected_proposal_is_not_proposed_again(imported, admin_user):
    institution = InstitutionFactory(
        name_fr="Université Jean Monnet", name_en="", country="", city_fr="", city_en=""
    )
    record_matches(results=propose_ror_matches(), apply=False)
    for match in RorMatch.objects.filter(institution=institution):
        reject_match(match=match, user=admin_user)
    report = record_matches(results=propose_ror_matches(), apply=False)
    assert report.proposed == 0
    assert not RorMatch.objects.filter(status=RorMatch.Status.PROPOSED).exists()


# Back-office ----------------------------------------------------------------------------------


def test_back_office_registry_search_review_list_and_refresh(staff_client, imported):
    # The institution autocomplete (partner, party, host) finds directory organisations by alias.
    response = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "partnerships",
            "model_name": "partnershipmember",
            "field_name": "institution",
            "term": "Lyongo Unibertsitatea",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == [
        "Université de Lyon (UDL) — Lyon, France · ROR"
    ]
    by_city_and_country = staff_client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "mobility",
            "model_name": "mobilityexchange",
            "field_name": "host_institution",
            "term": "Bérard France",
        },
    )
    texts = [r["text"] for r in by_city_and_country.json()["results"]]
    assert [text.split(" — ")[0] for text in texts] == ["Centre Léon Bérard (CLB)"]
    lyon = ror("01rk35k63")
    page = staff_client.get(reverse("admin:institutions_institution_change", args=[lyon.pk]))
    assert "https://ror.org/01rk35k63" in page.content.decode()
    assert "Claude Bernard Lyon 1" in page.content.decode()  # a unit, from ROR
    institution = InstitutionFactory(
        name_fr="Université Jean Monnet", name_en="", country="", city_fr="", city_en=""
    )
    record_matches(results=propose_ror_matches(), apply=False)
    match = RorMatch.objects.get(institution=institution, ror_id="030bahv93")
    assert staff_client.get(reverse("admin:institutions_rormatch_changelist")).status_code == 200
    staff_client.post(
        reverse("admin:institutions_rormatch_changelist"),
        {"action": "accept", "_selected_action": [match.pk]},
    )
    institution.refresh_from_db()
    assert institution.ror_id == "030bahv93"
    institution.website = ""
    institution.save()
    staff_client.post(
        reverse("admin:institutions_institution_changelist"),
        {"action": "refresh_from_ror", "_selected_action": [institution.pk]},
    )
    institution.refresh_from_db()
    assert institution.website == "https://www.univ-st-etienne.fr"


# The CLARA dataset -----------------------------------------------------------------------------

CLARA_ROR_IDS = {
    "fudan-university": "013q1eq08",
    "shanghai-jiao-tong-university": "0220qvk04",
    "tongji-university": "03rc6as71",
    "institut-pasteur-shanghai": "00w78qy64",
    "ruijin-hospital": "01hv94n30",
    "weizmann-institute": "0316ej306",
    "universite-de-montreal": "0161xgx34",
    "mcgill-university": "01pxwe438",
    "universite-de-sherbrooke": "00kybxq39",
    "universite-laval": "04sjchr03",
    "universite-de-lyon": "01rk35k63",
    "universite-jean-monnet": "030bahv93",
    # "Grenoble" and "Clermont-Ferrand" (the 2018 release names cities): no university is
    # guessed for them, so neither is linked.
    "universite-grenoble-alpes": "",
    "universite-clermont-auvergne": "",
    "crcl": "02mgw3155",
    "iarc": "00v452281",
    "dkfz": "04cdgtt98",
    "ibec": "056h71x09",
    "inca": "03m8vkq32",
    "frqs": "02eqrsj93",
}


def test_clara_dataset_linked_and_public_pages_still_list_partners_only(client, clara_dataset):
    listed_before = client.get(reverse("api:institution-list")).json()["count"]
    import_ror(path=str(SAMPLE))
    call_command("match_ror", "--apply", verbosity=0)
    linked = dict(Institution.objects.filter(slug__in=CLARA_ROR_IDS).values_list("slug", "ror_id"))
    assert linked == CLARA_ROR_IDS
    # Institutions the registry lacks stay unlinked, without error.
    assert Institution.objects.get(slug="lyonbiopole").ror_id == ""
    assert client.get(reverse("api:institution-list")).json()["count"] == listed_before
    page = client.get(reverse("institutions:institution-list")).content.decode()
    assert "Centre Léon Bérard" not in page  # CRCL's ROR parent, not a CLARA partner
    crcl = client.get(reverse("institutions:institution-detail", args=["crcl"])).content.decode()
    assert "https://ror.org/02mgw3155" in crcl
    # Loading the dataset again keeps what ROR filled and changes nothing.
    from dataset.loader import load_clara_dataset

    assert not load_clara_dataset().changed


def test_api_gives_ror_facts_and_a_page_address_only_to_partners(client, imported):
    PartnershipMemberFactory(institution=ror("00v452281"))
    url = reverse("api:institution-list")
    rows = {}
    for ror_id in ("00v452281", "01cmnjq37", "0006jh821", "02feahw73"):
        found = client.get(url, {"directory": "all", "ror_id": ror_id}).json()["results"]
        rows[ror_id] = found[0]
    assert rows["00v452281"]["url"].endswith("/institutions/" + ror("00v452281").slug + "/")
    assert rows["01cmnjq37"]["url"] is None
    assert rows["0006jh821"]["ror_status"] == "withdrawn"
    assert rows["0006jh821"]["ror_successor"] == "03qn8fb07"
    assert rows["02feahw73"]["ror_types"] == ["funder", "government"]
    assert rows["02feahw73"]["source"] == "ror"


def test_a_parent_staff_changed_is_not_put_back_by_the_next_dump(tmp_path):
    clara = InstitutionFactory(ror_id="029brtt94")  # Lyon 1: ROR's parent is Université de Lyon
    import_ror(path=str(SAMPLE))
    clara.refresh_from_db()
    assert clara.parent == ror("01rk35k63")
    assert clara.from_ror("parent")
    other = InstitutionFactory()
    clara.parent = other
    clara.ror_fields = [name for name in clara.ror_fields if name != "parent"]  # as the admin
    clara.save()
    data = records()
    for record in data:
        if record["id"].endswith("029brtt94"):
            record["established"] = 1971
    import_ror(path=str(write(tmp_path, data)))
    clara.refresh_from_db()
    assert clara.parent == other


def test_search_of_the_whole_directory_links_directory_organisations_to_ror(client, imported):
    response = client.get(
        reverse("search:search"), {"q": "Bérard", "type": "institutions", "directory": "all"}
    )
    page = response.content.decode()
    assert "https://ror.org/01cmnjq37" in page
    assert ror("01cmnjq37").get_absolute_url() not in page


@pytest.mark.parametrize(("role", "can_decide"), [("Viewer", False), ("Editor", True)])
def test_editors_review_proposals_viewers_only_look(
    client, django_user_model, imported, role, can_decide
):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user("reviewer", password="pw-Lyon-2026", is_staff=True)
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    institution = InstitutionFactory(
        name_fr="Université Jean Monnet", name_en="", country="", city_fr="", city_en=""
    )
    record_matches(results=propose_ror_matches(), apply=False)
    match = RorMatch.objects.get(institution=institution, ror_id="030bahv93")
    changelist = reverse("admin:institutions_rormatch_changelist")
    assert client.get(changelist).status_code == 200
    client.post(changelist, {"action": "accept", "_selected_action": [match.pk]})
    match.refresh_from_db()
    assert (match.status == RorMatch.Status.ACCEPTED) is can_decide


def test_a_zip_without_schema_v2_records_and_a_duplicated_id_are_refused(tmp_path):
    archive = tmp_path / "v1.0-2019-01-01-ror-data.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("ror.json", json.dumps([{"id": "https://ror.org/02feahw73", "name": "CNRS"}]))
    with pytest.raises(RorDumpError, match=r"no JSON file of ROR schema v2 records.*ror\.json"):
        import_ror(path=str(archive))
    data = records()[:3]
    with pytest.raises(RorDumpError, match=r"record #4 .* appears twice"):
        import_ror(path=str(write(tmp_path, [*data, data[0]])))
    assert not Institution.objects.exists()  # the batch was refused whole
