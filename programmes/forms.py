from django import forms
from django.utils.translation import gettext_lazy as _

from core.validators import validate_pdf
from institutions.models import Institution

from .models import SCORE_MAX, Application, DocumentKind, Outcome, Reviewer
from .selectors import teams_of_clara


class SignInForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ApplicationForm(forms.ModelForm):
    """The applicant's form: every field may stay empty in a draft; a PDF per document the call
    requires, checked as agreement documents are."""

    class Meta:
        model = Application
        fields = [
            "first_name",
            "last_name",
            "career_stage",
            "clara_institution",
            "team",
            "host_institution",
            "host_contact",
            "host_contact_email",
            "start_date",
            "end_date",
            "requested_amount",
            "project_title",
            "project",
            "consent",
        ]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "host_institution": forms.HiddenInput(),
            "project": forms.Textarea(attrs={"rows": 12}),
        }

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["clara_institution"].queryset = Institution.objects.filter(
            network_role=Institution.NetworkRole.REGIONAL_MEMBER
        ).order_by("name", "pk")
        self.fields["team"].queryset = teams_of_clara()
        self.fields["host_institution"].queryset = Institution.objects.exclude(
            network_role=Institution.NetworkRole.REGIONAL_MEMBER
        )
        for code, label in call.document_labels():
            self.fields[f"document_{code}"] = forms.FileField(
                label=label,
                required=False,
                validators=[validate_pdf],
                widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
                help_text=_("PDF only."),
            )

    def documents(self) -> dict:
        return {
            code: upload
            for code in DocumentKind.values
            if (upload := self.cleaned_data.get(f"document_{code}"))
        }

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def document_fields(self):
        return [self[name] for name in self.fields if name.startswith("document_")]


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Reviewer"), queryset=Reviewer.objects.none())

    def __init__(self, *args, offered, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = Reviewer.objects.filter(pk__in=[r.pk for r in offered])


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices)
    amount = forms.DecimalField(
        label=_("Amount awarded (€)"), required=False, min_value=0, decimal_places=2
    )


class ScoreForm(forms.Form):
    """One score and comment per criterion of the call, and a general comment."""

    comment = forms.CharField(label=_("General comment"), widget=forms.Textarea, required=False)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=_("%(criterion)s (weight %(weight)s)")
                % {"criterion": criterion.name, "weight": criterion.weight},
                choices=[("", "—")] + [(n, str(n)) for n in range(SCORE_MAX + 1)],
                coerce=int,
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.name},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def marks(self) -> dict:
        return {
            c: (self.cleaned_data[f"score_{c.pk}"], self.cleaned_data[f"comment_{c.pk}"])
            for c in self.criteria
        }


class ConflictForm(forms.Form):
    note = forms.CharField(label=_("Why (for the office)"), max_length=500, required=False)


class ReportForm(forms.Form):
    report = forms.FileField(label=_("Final report (PDF)"), validators=[validate_pdf])
