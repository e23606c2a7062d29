"""The admin in French for a superuser: no English word of the known list and no constraint
name in the visible text of the index, each registered model's changelist, add form, one change
form and its history."""

import re
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

pytestmark = pytest.mark.django_db

ENGLISH = [
    "None",
    "Changes",
    "Static devices",
    "Static device",
    "TOTP devices",
    "TOTP device",
    "Locked Out",
    "created at",
    "Import",
    "Export",
    "Access attempts",
    "Access failures",
    "Access logs",
    "Task results",
    "Viewer",
    "Editor",
    "Agreements manager",
    "History",
    "Unknown",
    "True",
    "False",
    "name matches",
    "same country",
    "same city",
    # The admin theme's own words (django-unfold has no French catalogue; ours translates them)
    "Type to search",
    "Select value",
    "Search apps and models",
    "All applications",
    "Choose file to upload",
    "Partnerships & agreements",
    "Users & security",
]
ELISION = re.compile(r"\bde (?=[aeiouéèêâîôûAEIOUÉÈÊ])")


class VisibleText(HTMLParser):
    """The text a reader sees: not attribute values, scripts, styles or code."""

    HIDDEN = {"script", "style", "code", "pre", "textarea", "template"}

    def __init__(self):
        super().__init__()
        self.hidden = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.HIDDEN or self.permissions(tag, dict(attrs)):
            self.hidden += 1

    def handle_endtag(self, tag):
        if (tag in self.HIDDEN or tag == "select") and self.hidden:
            self.hidden -= 1

    @staticmethod
    def permissions(tag: str, attrs: dict) -> bool:
        """Permission names are rows Django writes in English ("Can add …"): left aside."""
        return tag == "select" and (attrs.get("name") or "").endswith("permissions")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def constraint_names() -> set[str]:
    return {
        constraint.name
        for model in apps.get_models()
        for constraint in model._meta.constraints
        if constraint.name
    }


def admin_pages() -> list[str]:
    urls = [reverse("admin:index")]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        urls += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        first = model._default_manager.order_by("pk").first()
        if first is not None:
            urls += [reverse(f"{prefix}_{view}", args=[first.pk]) for view in ("change", "history")]
    return urls


def english_in(text: str, words: list[str]) -> list[str]:
    return [word for word in words if re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text)]


def test_no_english_word_or_constraint_name_on_french_admin_pages(
    client, clara_dataset, django_user_model
):
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = django_user_model.objects.create_superuser("root", "root@example.org", "pw-Lyon-2026")
    colleague = django_user_model.objects.create_user("colleague", is_staff=True)
    TOTPDevice.objects.create(user=colleague, name="phone", confirmed=True)
    StaticDevice.objects.create(user=colleague, name="backup")
    client.force_login(user)
    constraints = sorted(constraint_names())
    found = {}
    for url in admin_pages():
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="fr")
        if response.status_code == 403:
            continue  # a model staff never add (logs, ROR proposals)
        assert response.status_code == 200, url
        text = visible(response.text)
        problems = english_in(text, ENGLISH) + english_in(text, constraints)
        problems += sorted(set(ELISION.findall(text)))
        if problems:
            found[url] = problems
    assert found == {}
