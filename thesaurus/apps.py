from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThesaurusConfig(AppConfig):
    name = "thesaurus"
    # The partner search reads it: a change makes cached search pages stale (pagecache.versions).
    public_content = True
    verbose_name = _("Thesaurus")
