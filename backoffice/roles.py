"""The staff roles: what each group of the international relations office may do."""

from django.utils.translation import gettext, pgettext_lazy

CONTENT = {
    "themes": ["researchtheme"],
    "thesaurus": ["concept", "term"],
    "institutions": ["institution", "team"],
    "people": ["person"],
    "partnerships": ["partnership", "partnershipmember", "keyfigure"],
    "mobility": ["mobilityexchange"],
    "events": ["event", "eventparticipant"],
    "sources": ["source", "sourcelink"],
}
AGREEMENTS = {"partnerships": ["agreement", "agreementparty", "agreementcommitment"]}
DOCUMENTS = {"partnerships": ["agreementdocument"]}
# Programmes: calls are read by every role; applications (personal data), reviewers, decision
# e-mails and checklists are for editors and agreements managers.
CALLS = {"programmes": ["call"]}
SELECTION = {
    "programmes": ["application", "reviewer", "decisiontemplate", "checklistitem", "quota"]
}
ROR_REVIEW = {"institutions": ["rormatch"]}  # proposals are reviewed (changed), never added
# Report definitions and narratives are content; editions are generated (added), never changed.
REPORTS = {"reports": ["reportdefinition", "partnershipnarrative"]}
EDITIONS = {"reports": ["reportedition"]}
# EU projects come from the CORDIS import (add: import); their participants' matches are reviewed.
EU_PROJECTS = {"euprojects": ["project", "participation"]}
EU_REVIEW = {"euprojects": ["organisationmatch"]}
# Personal data of researchers and partners (introductions, contacts, saved searches): not for
# Viewers. Requests and saved searches come from the public site, never added by staff.
CONTACTS = {"contacts": ["partnercontact", "contactexchange"]}
REQUESTS = {"introductions": ["introductionrequest"]}
SUBSCRIPTIONS = {"savedsearches": ["savedsearch"]}
ALL_ACTIONS = ["view", "add", "change", "delete"]


def _codes(models: dict[str, list[str]], actions: list[str]) -> set[tuple[str, str]]:
    return {
        (app, f"{action}_{model}")
        for app, names in models.items()
        for model in names
        for action in actions
    }


VIEWER = "Viewer"
EDITOR = "Editor"
AGREEMENTS_MANAGER = "Agreements manager"

# The groups keep their English names (code and migrations find them by name); staff read these.
ROLE_LABELS = {
    VIEWER: pgettext_lazy("staff role", "Viewer"),
    EDITOR: pgettext_lazy("staff role", "Editor"),
    AGREEMENTS_MANAGER: pgettext_lazy("staff role", "Agreements manager"),
}


def role_label(group) -> str:
    """A group's name in the active language: the role's label, or the name staff gave it."""
    return str(ROLE_LABELS.get(group.name, group.name))


# Django stores a permission's name in English when it migrates ("Can add agreement"); the
# admin shows it in the page's language, from its action and its model's verbose name.
PERMISSION_ACTIONS = {
    "add": pgettext_lazy("permission", "Can add"),
    "change": pgettext_lazy("permission", "Can change"),
    "delete": pgettext_lazy("permission", "Can delete"),
    "view": pgettext_lazy("permission", "Can view"),
}


def permission_label(permission) -> str:
    """ "Collaborations | accord | Peut ajouter": the record kind (translated) and the action;
    a permission of the models' own (Meta.permissions) by its name in the catalogue."""
    content_type = permission.content_type
    action, _separator, model = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model == content_type.model:
        what = str(PERMISSION_ACTIONS[action])
    else:
        what = gettext(permission.name)
    return f"{content_type} | {what}"


PERSONAL_DATA = (
    _codes(CONTACTS, ALL_ACTIONS)
    | _codes(REQUESTS, ["view", "change", "delete"])
    | _codes(SUBSCRIPTIONS, ["view", "delete"])
)

ROLES: dict[str, set[tuple[str, str]]] = {
    VIEWER: _codes(CONTENT, ["view"])
    | _codes(AGREEMENTS, ["view"])
    | _codes(ROR_REVIEW, ["view"])
    | _codes(CALLS, ["view"])
    | _codes(REPORTS, ["view"])
    | _codes(EDITIONS, ["view"])
    | _codes(EU_PROJECTS, ["view"])
    | _codes(EU_REVIEW, ["view"]),
    EDITOR: _codes(CONTENT, ALL_ACTIONS)
    | _codes(CALLS, ALL_ACTIONS)
    | _codes(SELECTION, ALL_ACTIONS)
    | _codes(AGREEMENTS, ["view"])
    | _codes(ROR_REVIEW, ["view", "change"])
    | _codes(REPORTS, ALL_ACTIONS)
    | _codes(EDITIONS, ["view", "add"])
    | _codes(EU_PROJECTS, ["view", "add"])
    | _codes(EU_REVIEW, ["view", "change"])
    | PERSONAL_DATA,
    AGREEMENTS_MANAGER: _codes(CONTENT, ALL_ACTIONS)
    | _codes(CALLS, ALL_ACTIONS)
    | _codes(SELECTION, ALL_ACTIONS)
    | _codes(REPORTS, ALL_ACTIONS)
    | _codes(EDITIONS, ["view", "add"])
    | _codes(AGREEMENTS, ALL_ACTIONS)
    | _codes(ROR_REVIEW, ["view", "change"])
    | _codes(EU_PROJECTS, ["view", "add"])
    | _codes(EU_REVIEW, ["view", "change"])
    | _codes(DOCUMENTS, ALL_ACTIONS)
    | PERSONAL_DATA
    | {("partnerships", "view_confidential_agreement")},
}


def permission_matrix() -> str:
    """The table of what each role may do (docs/security.md), made from ROLES (a test keeps
    them equal)."""
    from django.apps import apps

    def cell(role: str, app: str, model: str) -> str:
        granted = [a for a in ALL_ACTIONS if (app, f"{a}_{model}") in ROLES[role]]
        return ", ".join(granted) or "—"

    roles = [VIEWER, EDITOR, AGREEMENTS_MANAGER]
    lines = ["| records | " + " | ".join(roles) + " |", "|---" * (len(roles) + 1) + "|"]
    groups = (CONTENT, AGREEMENTS, DOCUMENTS, ROR_REVIEW, CALLS, SELECTION, REPORTS, EDITIONS)
    for group in (*groups, EU_PROJECTS, EU_REVIEW, CONTACTS, REQUESTS, SUBSCRIPTIONS):
        for app, models in group.items():
            for model in models:
                name = apps.get_model(app, model)._meta.verbose_name_plural
                cells = " | ".join(cell(role, app, model) for role in roles)
                lines.append(f"| {name} | {cells} |")
    confidential = " | ".join(
        "yes" if ("partnerships", "view_confidential_agreement") in ROLES[role] else "no"
        for role in roles
    )
    lines.append(f"| confidential agreements and their documents | {confidential} |")
    return "\n".join(lines)
