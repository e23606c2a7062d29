from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MESSAGE_MAX, NAME_MAX
from .selectors import clara_teams


class TeamChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.institution})"


class IntroductionForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=NAME_MAX)
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    clara_team = TeamChoiceField(
        label=_("Your CLARA team"),
        queryset=clara_teams(),
        required=False,
        empty_label=_("My team is not listed"),
    )
    message = forms.CharField(
        label=_("What are you looking for?"),
        max_length=MESSAGE_MAX,
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Your project, the expertise you look for, any deadline (20 to 2,000 characters)."
        ),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that CLARA's international office keeps this request and my contact details "
            "to handle it, and passes them on to the people it introduces me to."
        ),
        error_messages={
            "required": _("Please tick the box: without it we cannot handle your request.")
        },
    )
    # A field people never see (hidden): a robot filling every field gives itself away.
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["clara_team"].queryset = clara_teams()

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
