import json

from django.contrib import admin, messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from adminkit.admin import ClaraAdmin

from . import selectors, services
from .models import IntroductionRequest

RESEARCHER_FIELDS = [
    "name",
    "email",
    "language",
    "clara_team",
    "subject",
    "record_link",
    "message",
    "consent_at",
    "created_at",
]


@admin.action(
    description=gettext_lazy("Export everything held about these researchers (JSON)"),
    permissions=["view"],
)
def export_personal_data(modeladmin, request, queryset):
    payload = services.export_for_addresses(services.addresses_of(queryset))
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="introduction-requests.json"'
    return response


@admin.action(
    description=gettext_lazy("Erase every request of these researchers and its history (GDPR)"),
    permissions=["delete"],
)
def erase_personal_data(modeladmin, request, queryset):
    count = services.erase_addresses(services.addresses_of(queryset))
    modeladmin.message_user(
        request,
        _("%(count)d request(s) erased with their history.") % {"count": count},
        messages.SUCCESS,
    )


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(ClaraAdmin):
    list_display = ["name", "subject", "status", "assignee", "created_at", "closed_at"]
    list_filter = ["status"]
    list_select_related = ["assignee"]
    search_fields = ["name", "email", "subject"]
    readonly_fields = [*RESEARCHER_FIELDS, "known_contacts", "closed_at"]
    fieldsets = [
        (gettext_lazy("Handling"), {"fields": ["status", "assignee", "notes", "closed_at"]}),
        (gettext_lazy("Who do we know there?"), {"fields": ["known_contacts"]}),
        (gettext_lazy("The request"), {"fields": RESEARCHER_FIELDS}),
    ]
    actions = [export_personal_data, erase_personal_data]

    def has_add_permission(self, request):
        return False  # requests come from the public form

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related(
                "assignee",
                "clara_team__institution",
                "team__institution",
                "institution",
                "partnership",
            )
        )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "assignee":
            from django.contrib.auth import get_user_model

            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=gettext_lazy("Record"))
    def record_link(self, obj):
        record = obj.record
        if record is None:
            return "—"
        return render_to_string("admin/introductions/record_link.html", {"record": record})

    @admin.display(description=gettext_lazy("Contacts there"))
    def known_contacts(self, obj):
        return render_to_string(
            "admin/introductions/known_contacts.html",
            {"contacts": selectors.contacts_for(obj), "limit": selectors.KNOWN_SHOWN},
        )
