"""The back-office in its theme (django-unfold, docs/admin.md): every page styled and without
error, every admin (other packages' included) in the theme, the sign-in with its code, the
French/English switch, and the theme's Content-Security-Policy kept to the back-office."""

import sys

import pytest
from django.conf import settings
from django.contrib import admin
from unfold.admin import ModelAdmin

from tests.backoffice.test_admin_french import admin_pages

pytestmark = pytest.mark.django_db

THEME_CSS = "/static/unfold/css/styles.css"
OUR_CSS = "/static/css/admin.css"


def test_every_admin_page_renders_in_the_theme_without_error(
    client, clara_dataset, django_user_model
):
    client.force_login(
        django_user_model.objects.create_superuser("root", "root@example.org", "pw-Lyon-2026")
    )
    for url in admin_pages():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
        if response.status_code == 403:
            continue  # a model staff never add (logs, ROR proposals)
        assert response.status_code == 200, url
        assert THEME_CSS in response.text, url
        assert OUR_CSS in response.text, url


def test_the_dashboard_and_a_change_form_are_themed(admin_client, clara_dataset):
    index = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="fr").text
    assert THEME_CSS in index
    assert 'class="clara-dashboard"' in index
    # The sidebar groups the lists by what staff do, in the staff member's language.
    for group in ("Partenariats et accords", "Mobilité", "Institutions et annuaire"):
        assert group in index
    assert "Utilisateurs et sécurité" in index
    assert 'href="/admin/partnerships/agreement/"' in index

    form = admin_client.get("/admin/partnerships/partnership/add/").text
    assert THEME_CSS in form
    assert 'id="partnership_form"' in form


def test_a_viewer_sees_only_the_groups_they_may_open(make_staff, client):
    from backoffice.roles import VIEWER

    client.force_login(make_staff(VIEWER))
    index = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en").text
    assert "Partnerships &amp; agreements" in index
    assert "Users &amp; security" not in index
    assert 'href="/admin/auth/user/"' not in index


def test_every_admin_is_a_theme_admin_written_as_a_class():
    """Other packages' admins too (users, groups, second factors, sign-in logs, tasks): each an
    explicit class of the project, not one built at start-up."""
    for model, model_admin in admin.site._registry.items():
        cls = type(model_admin)
        assert isinstance(model_admin, ModelAdmin), model._meta.label
        module = sys.modules[cls.__module__]
        assert getattr(module, cls.__name__, None) is cls, model._meta.label
        assert cls.__module__.split(".")[0] in {
            app.split(".")[0] for app in settings.INSTALLED_APPS
        } - {"django", "django_otp", "axes", "django_tasks_db", "unfold"}, model._meta.label


def test_the_sign_in_page_asks_for_the_authenticators_code(client):
    page = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="en").text
    assert THEME_CSS in page
    assert 'name="otp_token"' in page
    assert 'autocomplete="one-time-code"' in page


def test_the_theme_policy_is_kept_to_the_back_office(admin_client):
    admin_policy = admin_client.get("/admin/")["Content-Security-Policy"]
    assert "'unsafe-eval'" in admin_policy
    assert "frame-ancestors 'none'" in admin_policy
    public_policy = admin_client.get("/en/")["Content-Security-Policy"]
    assert "unsafe" not in public_policy


def test_the_language_switch_sets_the_language_and_comes_back(admin_client):
    back = "/admin/partnerships/agreement/"
    response = admin_client.post("/admin/language/", {"language": "en", "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert "Agreements" in admin_client.get(back).text
    admin_client.post("/admin/language/", {"language": "fr", "next": back})
    assert "Accords" in admin_client.get(back).text


def test_the_language_switch_stays_on_the_site(admin_client):
    response = admin_client.post(
        "/admin/language/", {"language": "xx", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies
    assert admin_client.get("/admin/language/").status_code == 405


def test_a_partnerships_countries_stay_a_multiple_choice_with_none_chosen(admin_client):
    form = admin_client.get("/admin/partnerships/partnership/add/")
    field = form.context["adminform"].form.fields["countries"]
    assert field.widget.allow_multiple_selected
    html = form.text.split('name="countries"')[1].split("</select>")[0]
    assert "selected" not in html
    assert '<option value="">' not in html
