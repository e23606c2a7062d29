"""Forms of the back-office lifecycle actions (the rule itself is in Agreement.clean())."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from core.languages import content_languages, localized_in
from core.partial_dates import PLAIN_DATE_FORMATS, PlainDateInput
from institutions.models import Institution

from .models import Agreement, AgreementParty


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TransitionForm(forms.Form):
    to_status = forms.ChoiceField(label=_("new status"))
    signed_on = forms.DateField(
        label=_("signed on"),
        required=False,
        widget=DateInput,
        help_text=_("Needed when the agreement becomes signed."),
    )

    def __init__(self, *args, agreement: Agreement, **kwargs):
        super().__init__(*args, **kwargs)
        next_statuses = Agreement.Status(agreement.status).next_statuses()
        self.fields["to_status"].choices = [(s.value, s.label) for s in next_statuses]
        self.initial.setdefault("signed_on", agreement.signed_on)


class RenewalForm(forms.Form):
    """The successor of an agreement, prefilled (selectors.renewal_defaults) for staff to adjust."""

    reference = forms.CharField(label=_("reference of the new agreement"), max_length=40)
    slug = forms.SlugField(
        label=_("slug of the new agreement"),
        max_length=120,
        required=False,
        help_text=_("Left empty, it is made from the reference."),
    )
    start_date = forms.DateField(
        label=_("in force from"),
        required=False,
        widget=PlainDateInput,
        input_formats=PLAIN_DATE_FORMATS,
    )
    end_date = forms.DateField(
        label=_("in force until"),
        required=False,
        widget=PlainDateInput,
        input_formats=PLAIN_DATE_FORMATS,
    )
    parties = forms.ModelMultipleChoiceField(label=_("parties"), queryset=Institution.objects.all())

    def __init__(self, *args, admin_site, **kwargs):
        super().__init__(*args, **kwargs)
        for language in content_languages():
            self.fields[localized_in(language, "title")[0]] = forms.CharField(
                label=_("title [%(language)s]") % {"language": language},
                max_length=255,
                required=False,
                widget=forms.TextInput(attrs={"class": "vTextField"}),
            )
        parties = self.fields["parties"]
        parties.widget = AutocompleteSelectMultiple(
            AgreementParty._meta.get_field("institution"), admin_site
        )
        parties.widget.choices = parties.choices
        self.fields["reference"].widget.attrs["class"] = "vTextField"
        titles = [localized_in(language, "title")[0] for language in content_languages()]
        self.order_fields(["reference", "slug", *titles, "start_date", "end_date", "parties"])

    def service_arguments(self) -> dict:
        """The keyword arguments of services.renew_agreement."""
        data = self.cleaned_data
        return {
            "reference": data["reference"],
            "slug": data["slug"] or slugify(data["reference"]),
            "start_date": data["start_date"],
            "end_date": data["end_date"],
            "titles": {
                language: data[localized_in(language, "title")[0]]
                for language in content_languages()
            },
            "parties": data["parties"],
        }
