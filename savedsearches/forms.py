from django import forms
from django.utils.translation import gettext_lazy as _


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail address"), max_length=254)
    website = forms.CharField(required=False, label=_("Leave this field empty"))  # honeypot

    def is_robot(self) -> bool:
        return bool(self.data.get("website"))
