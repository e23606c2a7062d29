from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from core.languages import localized
from themes.models import ResearchTheme

from .models import PeriodKind, ReportDefinition
from .selectors import Filters, Period

LANGUAGES = [("fr", "Français"), ("en", "English")]


def _autocomplete(name: str):
    """The admin's autocomplete (bounded, searched) of a definition's related field."""
    field = ReportDefinition._meta.get_field(name)
    return AutocompleteSelect(field, admin.site)


class PeriodForm(forms.Form):
    """A calendar year, an academic year (September–August) or any dates."""

    period_kind = forms.ChoiceField(
        label=_("Period"), choices=PeriodKind.choices, initial=PeriodKind.CALENDAR
    )
    year = forms.IntegerField(
        label=_("Year"),
        min_value=1990,
        max_value=2100,
        required=False,
        help_text=_(
            "An academic year by the year it starts in (2025: September 2025–August 2026)."
        ),
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    in_force_on = forms.DateField(
        label=_("Agreements in force on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day of the period when empty."),
    )

    def clean(self):
        data = super().clean()
        kind = data.get("period_kind")
        yearly = kind in (PeriodKind.CALENDAR, PeriodKind.ACADEMIC)
        if yearly and not data.get("year") and "year" not in self.errors:
            self.add_error("year", _("Give the year."))
        if kind == PeriodKind.DATES:
            for name in ("start", "end"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Give the first and last day of the period."))
            if data.get("start") and data.get("end") and data["end"] < data["start"]:
                self.add_error("end", _("The period must end after it starts."))
        return data

    def period(self) -> Period:
        data = self.cleaned_data
        kind = data["period_kind"]
        if kind == PeriodKind.CALENDAR:
            period = Period.calendar_year(data["year"])
        elif kind == PeriodKind.ACADEMIC:
            period = Period.academic_year(data["year"])
        else:
            period = Period(data["start"], data["end"], data["end"])
        if data.get("in_force_on"):
            period = Period(period.start, period.end, data["in_force_on"])
        return period


class ReportForm(PeriodForm):
    partnership = forms.ModelChoiceField(
        label=_("Partnership"),
        queryset=ReportDefinition._meta.get_field("partnership").related_model.objects.all(),
        required=False,
        widget=_autocomplete("partnership"),
    )
    country = forms.ChoiceField(label=_("Country"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Research theme"), queryset=ResearchTheme.objects.all(), required=False
    )
    funder = forms.ModelChoiceField(
        label=_("Funder"),
        queryset=ReportDefinition._meta.get_field("funder").related_model.objects.all(),
        required=False,
        widget=_autocomplete("funder"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", "—"), *countries]
        self.fields["theme"].queryset = ResearchTheme.objects.order_by(*localized("name")[:1])

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            partnership=data["partnership"].pk if data.get("partnership") else None,
            country=data.get("country") or "",
            theme=data["theme"].pk if data.get("theme") else None,
            funder=data["funder"].pk if data.get("funder") else None,
        )


def default_report_data() -> dict:
    return {"period_kind": PeriodKind.CALENDAR, "year": timezone.localdate().year}


class GenerateForm(PeriodForm):
    definition = forms.ModelChoiceField(
        label=_("Report"), queryset=ReportDefinition.objects.order_by(*localized("name")[:1])
    )

    field_order = ["definition", "period_kind", "year", "start", "end", "in_force_on"]
    prefix = "edition"  # beside the report's own period fields on the same page


class NarrativeForm(forms.Form):
    def __init__(self, *args, initial_texts: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in localized("highlights"):
            language = name.rsplit("_", 1)[1]
            self.fields[name] = forms.CharField(
                label=_("Highlights (%(language)s)") % {"language": language.upper()},
                widget=forms.Textarea(attrs={"rows": 6}),
                required=False,
                initial=(initial_texts or {}).get(name, ""),
            )

    def clean(self):
        data = super().clean()
        if not any(data.get(name, "").strip() for name in localized("highlights")):
            raise forms.ValidationError(_("Write the highlights in at least one language."))
        return data


def year_or_none(value) -> int | None:
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1990 <= year <= 2100 else None
