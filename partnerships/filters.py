import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.utils import extend_schema_field

from core.collation import sort_key
from core.filters import CountryFilter, OrderingFilter, SlugChoiceFilter
from core.languages import localized
from core.regions import REGIONS, region_choices
from core.text import folded, words
from core.validators import validate_keywords
from pagecache.versioned import memoized
from themes.models import ResearchTheme

from .models import Partnership


@memoized
def country_choices() -> list[tuple[str, str]]:
    """The partner countries of the public collaborations, computed once per content version."""
    used = set()
    lists = Partnership.objects.public().order_by().values_list("countries", flat=True)
    for codes in lists.distinct():
        used.update(code for code in str(codes).split(",") if code)
    return sorted(
        ((code, countries.name(code)) for code in used), key=lambda item: sort_key(item[1])
    )


@extend_schema_field({"type": "string", "enum": list(REGIONS)})
class RegionFilter(django_filters.ChoiceFilter):
    pass


class PartnershipFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        method="filter_text", label=_("Keywords"), validators=[validate_keywords]
    )
    country = CountryFilter(choices=country_choices, method="filter_country", label=_("Country"))
    region = RegionFilter(
        choices=region_choices,
        method="filter_region",
        label=_("Region"),
        empty_label=_("All regions"),
    )
    theme = SlugChoiceFilter(
        queryset=ResearchTheme.objects.all(),
        field_name="themes",
        to_field_name="slug",
        label=_("Theme"),
        empty_label=_("All themes"),
    )
    kind = django_filters.ChoiceFilter(
        choices=Partnership.Kind.choices, label=_("Kind"), empty_label=_("All kinds")
    )
    status = django_filters.ChoiceFilter(
        choices=Partnership.Status.choices, label=_("Status"), empty_label=_("Any status")
    )
    sort = OrderingFilter(
        fields=[("name", "name"), ("start_date", "start")],
        field_labels={"name": _("Name"), "start_date": _("Start date")},
        label=_("Sort by"),
        empty_label=_("Default order"),
    )

    class Meta:
        model = Partnership
        fields = ["q", "country", "region", "theme", "kind", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.form.fields["q"].widget = forms.TextInput(attrs={"type": "search"})

    def filter_text(self, queryset, name, value: str):
        """Every word, in either language, accents and case ignored."""
        fields = [*localized("name"), *localized("summary")]
        queryset = queryset.annotate(**{f"_t_{field}": folded(field) for field in fields})
        for word in words(value):
            match = Q()
            for field in fields:
                match |= Q(**{f"_t_{field}__contains": word})
            queryset = queryset.filter(match)
        return queryset

    def filter_country(self, queryset, name, value: str):
        return queryset.with_country(value)

    def filter_region(self, queryset, name, value: str):
        codes = "|".join(REGIONS[value][1])
        return queryset.filter(countries__regex=rf"(^|,)({codes})(,|$)")
