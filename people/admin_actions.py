import json

from django.contrib import admin, messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .services import erase_person, export_person_data


@admin.action(
    description=gettext_lazy("Export everything held about these people (JSON)"),
    permissions=["view"],
)
def export_personal_data(modeladmin, request, queryset):
    payload = [export_person_data(person=person, user=request.user) for person in queryset]
    response = HttpResponse(
        json.dumps(payload, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json",
    )
    response["Content-Disposition"] = 'attachment; filename="personal-data.json"'
    return response


@admin.action(
    description=gettext_lazy("Erase these people and their history (GDPR)"), permissions=["delete"]
)
def erase_personal_data(modeladmin, request, queryset):
    if request.POST.get("confirmed") == "yes":
        count = queryset.count()
        for person in queryset:
            erase_person(person=person)
        modeladmin.message_user(
            request,
            _("%(count)d person(s) erased with their history.") % {"count": count},
            messages.SUCCESS,
        )
        return None
    return TemplateResponse(
        request,
        "admin/people/erase_confirmation.html",
        {
            **modeladmin.admin_site.each_context(request),
            "people": queryset,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
            "title": _("Erase personal data"),
        },
    )
