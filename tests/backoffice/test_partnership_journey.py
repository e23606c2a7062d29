"""Editor's journey, through the interface only: a new partnership of three institutions from
the directory, unpublished until previewed and published, then seen on the public site."""

import re

import pytest
from django.contrib.auth.models import Group

from backoffice.roles import EDITOR
from partnerships.models import Partnership
from tests.factories import InstitutionFactory

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def choose(page, field_id: str, typed: str, option: str) -> None:
    """Type part of a name in an admin autocomplete, pick the option offered."""
    page.locator(f"#{field_id}").locator("xpath=following-sibling::span[1]").click()
    page.locator(".select2-search__field").last.fill(typed)
    page.locator(".select2-results__option", has_text=option).first.click()


def test_editor_creates_previews_and_publishes_a_partnership(
    page, live_server, django_user_model, browser
):
    """Persona: editor."""
    editor = django_user_model.objects.create_user("editor", password="pw-Lyon-2026", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITOR))
    for name_fr, name_en, city, country in [
        ("Université de Heidelberg", "Heidelberg University", "Heidelberg", "DE"),
        ("Institut Weizmann des sciences", "Weizmann Institute of Science", "Rehovot", "IL"),
        ("Centre Léon Bérard", "Centre Léon Bérard", "Lyon", "FR"),
    ]:
        InstitutionFactory(
            name_fr=name_fr, name_en=name_en, city_fr=city, city_en=city, country=country
        )

    page.goto(f"{live_server.url}/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-Lyon-2026")
    page.click("#login-form [type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))

    page.click("a[href$='/admin/partnerships/partnership/add/']")
    page.fill("#id_name_fr", "Réseau Lyon–Heidelberg–Rehovot")
    page.fill("#id_name_en", "Lyon–Heidelberg–Rehovot network")
    assert not page.locator("#id_is_public").is_checked()
    page.select_option("#id_kind", "network")
    page.select_option("#id_status", "active")
    add_member = page.locator("#members-group  a.add-row")
    for index, (typed, option) in enumerate(
        [("Heidelb", "Heidelberg, "), ("Weizm", "Rehovot, "), ("Léon", "Lyon, ")]
    ):
        add_member.click()
        choose(page, f"id_members-{index}-institution", typed, option)
    page.click("[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/partnerships/partnership/\d+/change/"))
    change_page = page.url

    partnership = Partnership.objects.get(name_en="Lyon–Heidelberg–Rehovot network")
    assert not partnership.is_public
    assert sorted(partnership.members.values_list("institution__city_en", flat=True)) == [
        "Heidelberg",
        "Lyon",
        "Rehovot",
    ]
    assert page.locator(".clara-unpublished").is_visible()

    page.click("a.clara-preview-link")
    page.wait_for_url(re.compile(r"/collaborations/"))
    assert page.locator(".preview-banner").is_visible()
    assert page.locator("h1", has_text="Réseau Lyon–Heidelberg–Rehovot").is_visible()
    public_page = page.url
    visitor = browser.new_context(locale="fr-FR").new_page()
    assert visitor.goto(public_page).status == 404

    page.go_back()
    page.wait_for_url(change_page)
    page.click("form.clara-publication button")
    page.wait_for_url(change_page)
    assert page.locator(".messagelist .success").is_visible()
    with page.expect_popup() as opened:  # the theme opens the public page in a new tab
        page.get_by_role("link", name="Voir sur le site").click()
    site = opened.value
    site.wait_for_url(public_page)
    assert site.locator(".preview-banner").count() == 0
    assert site.locator("h1", has_text="Réseau Lyon–Heidelberg–Rehovot").is_visible()
    assert visitor.goto(public_page).status == 200
    assert visitor.locator("h1", has_text="Réseau Lyon–Heidelberg–Rehovot").is_visible()
    visitor.context.close()
