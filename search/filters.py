"""Filters of the partner search, for teams and for institutions (page, API and CSV alike)."""

import functools

import django_filters
from django import forms
from django.db.models import Exists, Q, QuerySet
from django.forms.utils import flatatt
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.filters import CountryFilter, SlugChoiceFilter
from euprojects.selectors import institutions_sharing_projects_with_clara
from institutions.models import Institution, InstitutionQuerySet, Team
from institutions.ror import ROR_TYPES
from partnerships.models import Agreement, AgreementParty, Partnership, PartnershipMember
from people.models import Person
from themes.models import ResearchTheme

CLARA_SLUG = "canceropole-clara"


def suggested_input(field: str) -> forms.TextInput:
    """A text input for a choice among thousands: typing asks the suggestions endpoint for a
    few matching options (htmx, into a <datalist>); the value is the record's slug."""
    return forms.TextInput(
        attrs={
            "list": f"{field}-options",
            "autocomplete": "off",
            "data-hx-get": reverse_lazy("search:suggest", args=[field]),
            "data-hx-trigger": "input changed delay:300ms",
            "data-hx-target": f"#{field}-options",
            "data-hx-swap": "innerHTML",
            "data-hx-push-url": "false",
        }
    )


class QuickSelect(forms.Select):
    """The same <select> as Django's, written directly rather than through a template per
    option: the country list (250 options) cost more than the rest of the search page.
    Choices not drawn from the data can be `fixed`, under a name: their options are then
    written once per language and process."""

    def __init__(self, attrs=None, choices=(), *, fixed: str = ""):
        super().__init__(attrs, choices)
        self.fixed = fixed

    def __deepcopy__(self, memo):
        obj = super().__deepcopy__(memo)
        obj.fixed = self.fixed
        return obj

    def options(self) -> list[tuple[str, str]]:
        """(value, the option's HTML) of each choice."""
        found = []
        for value, label in self.choices:
            value = "" if value is None else str(value)
            found.append((value, f'<option value="{escape(value)}">{escape(label)}</option>'))
        return found

    def render(self, name, value, attrs=None, renderer=None):
        if self.fixed:
            options = _fixed_options(self.fixed, translation.get_language(), self)
        else:
            options = self.options()
        selected = set(self.format_value(value))
        html = []
        for option_value, option in options:
            if option_value in selected:
                selected = set()  # one selected option at most, as Django's
                option = option.replace(">", " selected>", 1)
            html.append(f"\n  {option}")
        attributes = flatatt(self.build_attrs(self.attrs, attrs))
        return mark_safe(f'<select name="{escape(name)}"{attributes}>{"".join(html)}\n</select>')


_FIXED_OPTIONS: dict = {}


def _fixed_options(name: str, language: str | None, widget: QuickSelect):
    key = (name, language)
    if key not in _FIXED_OPTIONS:
        _FIXED_OPTIONS[key] = widget.options()
    return _FIXED_OPTIONS[key]


@functools.cache
def _country_choices(language: str | None) -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in countries]


def country_choices() -> list[tuple[str, str]]:
    """The countries by name in the active language, listed once per language and process
    (the form's choices otherwise translate and sort the 250 names again on every request)."""
    return _country_choices(translation.get_language())


def in_force_with_clara(*, maybe: bool = False) -> list[int]:
    """The institutions party to a published agreement to which CLARA is a party, known to be
    in force (Agreement.objects.in_force) or, with `maybe`, not known to be out of it: a short
    list read once (one query), so that the planner intersects it with the other filters
    instead of testing every candidate against every agreement."""
    published = Agreement.objects.published()
    agreements = published.maybe_in_force() if maybe else published.in_force()
    clara_agreements = AgreementParty.objects.filter(
        institution__slug=CLARA_SLUG, agreement__in=agreements
    ).values("agreement")
    parties = AgreementParty.objects.filter(agreement__in=clara_agreements).order_by()
    return sorted(set(parties.values_list("institution_id", flat=True)))


def sharing_eu_projects_with_clara() -> list[int]:
    """The institutions taking part in an EU project with a CLARA member (another one): a
    short list read once (one query), as in_force_with_clara."""
    return sorted(
        set(institutions_sharing_projects_with_clara().values_list("institution", flat=True))
    )


class Probe(Exists):
    """EXISTS as a per-row index probe: OFFSET 0 keeps PostgreSQL from turning it into a hash
    of the whole related table (built before the first row, whatever the LIMIT)."""

    template = "EXISTS(%(subquery)s OFFSET 0)"


def partner_condition() -> Q:
    """Institution.objects.partner_condition() (entered by CLARA, or taking part publicly in
    something) with one EXISTS per relation, each an index probe, so that a page or a bounded
    candidate set tests only its own rows (partners() builds the whole UNION of participants)."""
    condition = Q(source=Institution.Source.CLARA)
    for related in InstitutionQuerySet.participations():
        condition |= Probe(related.order_by())
    return condition


class PartnerFilterSet(django_filters.FilterSet):
    """Filters named alike for teams and institutions; `institution_path` says how to reach it."""

    institution_path = ""

    country = CountryFilter(
        choices=country_choices,
        method="filter_country",
        label=_("Country"),
        widget=QuickSelect(fixed="country"),
    )
    city = django_filters.CharFilter(method="filter_city", label=_("City"))
    kind = django_filters.ChoiceFilter(
        choices=Institution.Kind.choices,
        method="filter_kind",
        label=_("Institution kind"),
        empty_label=_("All kinds"),
        widget=QuickSelect(fixed="institution-kind"),
    )
    theme = SlugChoiceFilter(
        queryset=ResearchTheme.objects.all(),
        to_field_name="slug",
        method="filter_theme",
        label=_("Research theme"),
        empty_label=_("All themes"),
        widget=QuickSelect,
    )
    collaboration = SlugChoiceFilter(
        queryset=Partnership.objects.public(),
        to_field_name="slug",
        method="filter_collaboration",
        label=_("Collaboration"),
        widget=suggested_input("collaboration"),
    )
    members = django_filters.ChoiceFilter(
        choices=[("clara", _("CLARA members only")), ("partners", _("Partners outside CLARA"))],
        method="filter_members",
        label=_("CLARA members"),
        empty_label=_("Members and partners"),
        widget=QuickSelect(fixed="members"),
    )
    agreement_in_force = django_filters.ChoiceFilter(
        choices=[("true", _("Yes")), ("false", _("No")), ("unknown", _("Not known"))],
        method="filter_in_force",
        label=_("Has an agreement in force with CLARA"),
        empty_label=_("Either"),
        widget=QuickSelect(fixed="yes-no-unknown"),
    )

    eu_projects = django_filters.ChoiceFilter(
        choices=[("shared", _("Shares an EU project with a CLARA member"))],
        method="filter_eu_projects",
        label=_("EU projects"),
        empty_label=_("With or without"),
        widget=QuickSelect(fixed="eu-projects"),
    )

    def path(self, field: str) -> str:
        return f"{self.institution_path}{field}"

    def filter_eu_projects(self, queryset, name, value: str):
        return queryset.filter(**{self.path("pk__in"): sharing_eu_projects_with_clara()})

    def where_institution(self, queryset, condition: Q):
        """Rows whose institution meets `condition`: a team's as a set of institutions (hashed
        once), not a join probed once per team."""
        if not self.institution_path:
            return queryset.filter(condition)
        return queryset.filter(institution__in=Institution.objects.filter(condition))

    def filter_country(self, queryset, name, value: str):
        return self.where_institution(queryset, Q(country=value))

    def filter_city(self, queryset, name, value: str):
        return self.where_institution(
            queryset, Q(city_fr__icontains=value) | Q(city_en__icontains=value)
        )

    def filter_kind(self, queryset, name, value: str):
        return self.where_institution(queryset, Q(kind=value))

    def filter_members(self, queryset, name, value: str):
        """CLARA's own (regional) members, or everyone else."""
        member = Q(**{self.path("network_role"): Institution.NetworkRole.REGIONAL_MEMBER})
        return queryset.filter(member) if value == "clara" else queryset.exclude(member)

    def filter_collaboration(self, queryset, name, value: str):
        members = value.members.values("institution")
        return queryset.filter(**{self.path("pk__in"): members})

    def filter_in_force(self, queryset, name, value: str):
        """Yes: known to be; no: none that may be; not known: some may be, none known to be."""
        known = {self.path("pk__in"): in_force_with_clara()}
        maybe = {self.path("pk__in"): in_force_with_clara(maybe=True)}
        if value == "true":
            return queryset.filter(**known)
        if value == "false":
            return queryset.exclude(**maybe)
        return queryset.filter(**maybe).exclude(**known)


class TeamFilterSet(PartnerFilterSet):
    institution_path = "institution__"

    leader = SlugChoiceFilter(
        queryset=Person.objects.public(),
        to_field_name="slug",
        label=_("Team leader"),
        widget=suggested_input("leader"),
    )

    class Meta:
        model = Team
        fields = [
            "country",
            "city",
            "kind",
            "members",
            "theme",
            "collaboration",
            "agreement_in_force",
            "eu_projects",
            "leader",
        ]

    def filter_theme(self, queryset, name, value: str):
        return queryset.filter(themes=value)


class InstitutionFilterSet(PartnerFilterSet):
    directory = django_filters.ChoiceFilter(
        choices=[("all", _("The whole ROR directory"))],
        method="filter_directory",
        empty_label=_("CLARA's partners only"),
        label=_("Institutions shown"),
        widget=QuickSelect(fixed="directory"),
    )
    ror_id = django_filters.CharFilter(
        method="filter_ror_id", label=_("ROR identifier (03vek6s52 or https://ror.org/03vek6s52)")
    )
    ror_type = django_filters.ChoiceFilter(
        choices=[(t, t) for t in ROR_TYPES],
        method="filter_type",
        label=_("ROR type"),
        empty_label=_("All types"),
        widget=QuickSelect(fixed="ror-type"),
    )

    class Meta:
        model = Institution
        fields = [
            "country",
            "city",
            "kind",
            "members",
            "theme",
            "collaboration",
            "agreement_in_force",
            "eu_projects",
            "directory",
            "ror_id",
            "ror_type",
        ]

    def path(self, field: str) -> str:
        return field

    @staticmethod
    def base_queryset(params) -> "QuerySet[Institution]":
        """CLARA's partners, unless the visitor asks for the whole ROR directory."""
        if params and params.get("directory") == "all":
            return Institution.objects.all()
        return Institution.objects.filter(partner_condition())

    def filter_directory(self, queryset, name, value: str):
        return queryset  # applied by base_queryset(), which the search starts from

    def filter_ror_id(self, queryset, name, value: str):
        ror_id = value.strip().lower().removeprefix("https://").removeprefix("ror.org/")
        return queryset.filter(ror_id=ror_id)

    def filter_type(self, queryset, name, value: str):
        return queryset.filter(ror_types__contains=value)

    def filter_theme(self, queryset, name, value: str):
        # Two sets of keys, each read from the theme's side by its index (an OR of joins would
        # join every team's themes and every membership first).
        teams = Team.themes.through.objects.filter(researchtheme=value).values("team__institution")
        members = PartnershipMember.objects.filter(
            partnership__in=value.partnerships.public()
        ).values("institution")
        return queryset.filter(Q(pk__in=teams) | Q(pk__in=members))
