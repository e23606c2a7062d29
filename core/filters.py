"""Filters shared by the apps' filter sets."""

import django_filters
from django.forms.utils import pretty_name
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.fields import ChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field


class AnyCountryField(ChoiceField):
    """Offers "all countries" then the given countries; accepts any country code (one may
    simply match nothing)."""

    def valid_value(self, value):
        return bool(countries.alpha2(value))


@extend_schema_field({"type": "string", "enum": [code for code, _name in countries]})
class CountryFilter(django_filters.ChoiceFilter):
    field_class = AnyCountryField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("empty_label", _("All countries"))
        super().__init__(*args, **kwargs)


@extend_schema_field(OpenApiTypes.STR)
class SlugChoiceFilter(django_filters.ModelChoiceFilter):
    """A related record chosen by its slug (a string in the API schema)."""


def _descending(template, label) -> str:
    return str(template) % label


class OrderingFilter(django_filters.OrderingFilter):
    """django-filter's, with the "(descending)" labels translated when shown: django-filter
    formats them once, when the filter set is defined, in whichever language is active then."""

    def build_choices(self, fields, labels):
        choices = []
        for field, param in fields.items():
            label = labels.get(field, pretty_name(param))
            descending = labels.get(f"-{param}") or lazy(_descending, str)(
                self.descending_fmt, label
            )
            choices += [(param, label), (f"-{param}", descending)]
        return choices
