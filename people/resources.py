from django.db.models import Q
from import_export import fields

from adminkit.import_widgets import RelatedWidget, label_field
from adminkit.resources import ClaraResource
from core.languages import localized
from core.text import fold, folded
from institutions.resources import InstitutionWidget

from .models import Person
from .services import create_person, person_from_name


def _last_names(name: str) -> set[str]:
    """The last names a written name may hold: "Blay, Jean-Yves" -> {"blay"};
    "Jean-Yves Blay" -> {"blay", "jean-yves blay", "jean-yves"} (either order)."""
    if "," in name:
        return {fold(name.split(",", 1)[0].strip())}
    words = fold(name).split()
    return {" ".join(words[n:]) for n in range(len(words))} | {
        " ".join(words[:n]) for n in range(1, len(words) + 1)
    }


class PersonWidget(RelatedWidget):
    """A person by slug or by name ("Jean-Yves Blay", "Blay, Jean-Yves", with or without title);
    someone not known yet is created (in a preview too, which is rolled back)."""

    def __init__(self, **kwargs):
        super().__init__(Person, "slug", **kwargs)

    def candidates(self, values: set[str]):
        last_names = set().union(*(_last_names(value) for value in values))
        return Person.objects.alias(_last=folded("last_name")).filter(
            Q(slug__in=values) | Q(_last__in=last_names)
        )

    def keys(self, obj) -> set[str]:
        first, last, title = obj.first_name, obj.last_name, obj.title
        names = {
            f"{first} {last}",
            f"{last} {first}",
            f"{last}, {first}",
            f"{title} {first} {last}",
        }
        return super().keys(obj) | {fold(" ".join(name.split())) for name in names}

    def matches(self, text: str) -> list:
        return super().matches(" ".join(text.split()))

    def missing(self, text: str, row=None, **kwargs):
        person = person_from_name(text)
        # A preview in a transaction writes as the import would, then is rolled back.
        if not kwargs.get("dry_run", True) or kwargs.get("using_transactions"):
            person = create_person(person=person)
        self.remember(person)
        return person


class PersonResource(ClaraResource):
    affiliation = fields.Field(
        attribute="affiliation", column_name="affiliation", widget=InstitutionWidget()
    )
    affiliation_label = label_field("affiliation")

    class Meta:
        model = Person
        import_id_fields = ["slug"]
        fields = [
            "slug",
            "title",
            "first_name",
            "last_name",
            *localized("role"),
            "affiliation",
            "affiliation_label",
            "orcid",
            "email",
            "is_public",
        ]
        clean_model_instances = True
        skip_unchanged = True
        report_skipped = True
