"""The back-office's sidebar (settings.UNFOLD["SIDEBAR"]): the records grouped by what staff do,
each shown only to those who may see it."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

# (group title, icon, [(model label, icon)]): Material Symbols names, as django-unfold uses.
GROUPS = [
    (
        _("Partnerships & agreements"),
        [
            ("partnerships.Partnership", "handshake"),
            ("partnerships.Agreement", "contract"),
            ("partnerships.AgreementDocument", "picture_as_pdf"),
            ("partnerships.AgreementParty", "groups"),
            ("partnerships.PartnershipMember", "group_work"),
            ("partnerships.KeyFigure", "monitoring"),
            ("themes.ResearchTheme", "category"),
        ],
    ),
    (
        _("Introductions & contacts"),
        [
            ("introductions.IntroductionRequest", "connect_without_contact"),
            ("contacts.PartnerContact", "contact_mail"),
            ("savedsearches.SavedSearch", "notifications_active"),
        ],
    ),
    (_("Mobility"), [("mobility.MobilityExchange", "flight_takeoff")]),
    (
        _("Programmes"),
        [
            ("programmes.Call", "campaign"),
            ("programmes.Application", "assignment"),
            ("programmes.Reviewer", "rate_review"),
            ("programmes.DecisionTemplate", "mail"),
            ("programmes.ChecklistItem", "checklist"),
            ("programmes.Quota", "data_thresholding"),
        ],
    ),
    (
        _("Reports"),
        [
            ("reports.ReportDefinition", "summarize"),
            ("reports.ReportEdition", "inventory"),
            ("reports.PartnershipNarrative", "edit_note"),
        ],
    ),
    (
        _("Institutions & directory"),
        [
            ("institutions.Institution", "apartment"),
            ("institutions.Team", "science"),
            ("institutions.RorMatch", "fact_check"),
        ],
    ),
    (
        _("EU projects"),
        [
            ("euprojects.Project", "euro"),
            ("euprojects.Participation", "diversity_3"),
            ("euprojects.OrganisationMatch", "fact_check"),
        ],
    ),
    (
        _("Events"),
        [("events.Event", "event"), ("events.EventParticipant", "co_present")],
    ),
    (_("Sources"), [("sources.Source", "menu_book")]),
    (_("People"), [("people.Person", "person")]),
    (
        _("Users & security"),
        [
            ("auth.User", "manage_accounts"),
            ("auth.Group", "shield_person"),
            ("otp_totp.TOTPDevice", "phonelink_lock"),
            ("otp_static.StaticDevice", "password"),
            ("axes.AccessAttempt", "lock_clock"),
            ("axes.AccessFailureLog", "gpp_bad"),
            ("axes.AccessLog", "login"),
            ("alerts.ReminderLog", "notifications"),
            ("alerts.CalendarToken", "calendar_month"),
            ("django_tasks_database.DBTaskResult", "task"),
        ],
    ),
]


def sidebar(request) -> list[dict]:
    """The dashboard, then each group's lists that this staff member may see (a group with none
    is left out)."""
    site = admin.site
    navigation = [
        {"items": [{"title": _("Dashboard"), "icon": "dashboard", "link": reverse("admin:index")}]}
    ]
    for title, models in GROUPS:
        items = []
        for label, icon in models:
            model = apps.get_model(label)
            if not site.is_registered(model):
                continue
            model_admin = site.get_model_admin(model)
            if not model_admin.has_view_or_change_permission(request):
                continue
            opts = model._meta
            info = f"admin:{opts.app_label}_{opts.model_name}"
            items.append(
                {
                    "title": capfirst(opts.verbose_name_plural),
                    "icon": icon,
                    "link": reverse(f"{info}_changelist"),
                    # For the dashboard's lists (the sidebar shows the list only).
                    "add_link": reverse(f"{info}_add")
                    if model_admin.has_add_permission(request)
                    else "",
                    "add_title": _("Add %(name)s") % {"name": opts.verbose_name},
                }
            )
        if items and models[0][0] == "reports.ReportDefinition":
            items.insert(0, _reports_page(request))
        if items:
            navigation.append({"title": title, "items": items})
    return navigation


def _reports_page(request) -> dict:
    """The staff reporting page (reports app), first of its group."""
    return {
        "title": _("Figures and editions"),
        "icon": "bar_chart",
        "link": reverse("reports:report"),
    }


def language_action(request) -> str:
    """Where the sidebar's French/English switch posts (the admin's own view: the public site
    takes its language from its addresses)."""
    return reverse("admin:language")


def environment(request):
    """A "Development" label in the header when DEBUG is on; nothing in production."""
    return [_("Development"), "warning"] if settings.DEBUG else None


def styles(request) -> str:
    """The few rules of the project's own that the theme does not cover."""
    return static("css/admin.css")


def favicon(request) -> str:
    return static("favicon.svg")
