"""The staff roles: what each group of the international relations office may do."""

CONTENT = {
    "themes": ["researchtheme"],
    "institutions": ["institution", "team"],
    "people": ["person"],
    "partnerships": ["partnership", "partnershipmember", "keyfigure"],
    "mobility": ["mobilityexchange"],
    "events": ["event"],
}
AGREEMENTS = {"partnerships": ["agreement", "agreementparty", "agreementcommitment"]}
DOCUMENTS = {"partnerships": ["agreementdocument"]}
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

ROLES: dict[str, set[tuple[str, str]]] = {
    VIEWER: _codes(CONTENT, ["view"]) | _codes(AGREEMENTS, ["view"]),
    EDITOR: _codes(CONTENT, ALL_ACTIONS) | _codes(AGREEMENTS, ["view"]),
    AGREEMENTS_MANAGER: _codes(CONTENT, ALL_ACTIONS)
    | _codes(AGREEMENTS, ALL_ACTIONS)
    | _codes(DOCUMENTS, ALL_ACTIONS)
    | {("partnerships", "view_confidential_agreement")},
}
