"""Messages of the third-party apps shown to staff that the project's French catalogue
translates or re-translates: Django admin titles that do not elide ("Modification de accord"),
django-import-export, django-axes, django-tasks-db and simple-history strings that their own
catalogues leave in English.

`makemessages` marks as obsolete every msgid it does not find in the project's source: listed
here with gettext_noop, they stay in locale/fr/LC_MESSAGES/django.po. The verbose names
django-otp writes without gettext are given by `name_third_party_models` (CoreConfig.ready).
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

MESSAGES = [
    # django.contrib.admin: titles built with a model's or app's name.
    gettext_noop("Add %s"),
    gettext_noop("Change %s"),
    gettext_noop("View %s"),
    gettext_noop("%(app)s administration"),
    # django-import-export: the changelist's buttons.
    gettext_noop("Import"),
    gettext_noop("Export"),
    # simple-history: the history table.
    gettext_noop("Changes"),
    # django-axes: the access attempts filter.
    gettext_noop("Locked Out"),
    gettext_noop("Attempt Remaining"),
    # django-tasks-db: task results.
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
]


def name_third_party_models() -> None:
    """django-otp names its devices and their dates in English only."""
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice

    names = {
        TOTPDevice: (_("TOTP device"), _("TOTP devices")),
        StaticDevice: (_("static device"), _("static devices")),
    }
    for model, (singular, plural) in names.items():
        model._meta.verbose_name = singular
        model._meta.verbose_name_plural = plural
        model._meta.get_field("created_at").verbose_name = _("created at")
        model._meta.get_field("last_used_at").verbose_name = _("last used at")
