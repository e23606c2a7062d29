"""Forms of the back-office lifecycle actions (the rule itself is in Agreement.clean())."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Agreement


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
    reference = forms.CharField(label=_("reference of the new agreement"), max_length=40)
    slug = forms.SlugField(label=_("slug of the new agreement"), max_length=120)
    start_date = forms.DateField(label=_("start date"), required=False, widget=DateInput)
    end_date = forms.DateField(label=_("end date"), required=False, widget=DateInput)
