import pytest

pytestmark = pytest.mark.django_db


def test_endpoints_paginate_public_data(client, clara_dataset):
    for endpoint in [
        "institutions",
        "teams",
        "people",
        "themes",
        "collaborations",
        "agreements",
        "events",
    ]:
        response = client.get(f"/api/{endpoint}/")
        assert response.status_code == 200, endpoint
        body = response.json()
        assert {"count", "next", "previous", "results"} <= set(body)
        assert body["count"] > 0, endpoint


def test_same_search_and_filters_as_the_page(client, clara_dataset):
    body = client.get("/api/collaborations/", {"q": "hépatocellulaire"}).json()
    assert body["results"][0]["slug"] == "clara-international-shanghai"
    body = client.get("/api/institutions/", {"country": "CA", "kind": "university"}).json()
    assert body["count"] == 4
    body = client.get("/api/institutions/", {"q": "Weizman"}).json()
    assert body["results"][0]["slug"] == "weizmann-institute"
    detail = client.get("/api/institutions/weizmann-institute/").json()
    assert detail["country"] == "IL"


def test_invalid_filters_are_a_400_with_the_reason(client, clara_dataset):
    response = client.get("/api/institutions/", {"country": "ZZ"})
    assert response.status_code == 400
    assert "country" in response.json()


def test_private_data_never_in_the_api(client, secrets):
    for endpoint in ["institutions", "teams", "people", "collaborations", "agreements", "events"]:
        content = client.get(f"/api/{endpoint}/").content.decode()
        for secret in secrets["strings"]:
            assert secret not in content, (endpoint, secret)
    assert client.get("/api/agreements/conf-001/").status_code == 404
    assert client.get("/api/collaborations/hidden-programme/").status_code == 404
    people = client.get("/api/people/").json()["results"]
    assert all("email" not in person for person in people)


def test_private_data_never_in_search_or_csv(client, secrets):
    for kind in ["teams", "institutions", "collaborations"]:
        page = client.get("/en/search/", {"type": kind}).content.decode()
        csv = b"".join(client.get("/en/search/export.csv", {"type": kind}).streaming_content)
        for secret in secrets["strings"]:
            assert secret not in page, (kind, secret)
            assert secret not in csv.decode(), (kind, secret)
    hidden = client.get("/en/search/", {"type": "collaborations", "q": "Hidden"})
    assert "hidden-programme" not in hidden.content.decode()
    assert hidden.context["page_obj"].paginator.count == 0


def test_openapi_schema_and_docs_served_locally(client, db):
    schema = client.get("/api/schema/")
    assert schema.status_code == 200
    assert b"openapi: 3" in schema.content
    assert b"/api/collaborations/" in schema.content
    docs = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in docs
    for cdn in ("cdn.", "unpkg", "jsdelivr"):
        assert cdn not in docs
