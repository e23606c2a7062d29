"""Back-office lifecycle actions: move an agreement on, renew it (its renewal page); both
through the services."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from . import selectors, services
from .forms import RenewalForm, TransitionForm

TEMPLATE = "admin/partnerships/agreement/lifecycle_action.html"


def _single(modeladmin, request, queryset):
    if queryset.count() != 1:
        modeladmin.message_user(request, _("Select exactly one agreement."), messages.WARNING)
        return None
    return queryset.get()


def _add_errors(form, error: ValidationError) -> None:
    for field, errors in error.message_dict.items():
        form.add_error(field if field in form.fields else None, errors)


def _page(modeladmin, request, *, form, agreement, action: str, title: str):
    return TemplateResponse(
        request,
        TEMPLATE,
        {
            **modeladmin.admin_site.each_context(request),
            "form": form,
            "agreement": agreement,
            "action": action,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
            "opts": modeladmin.model._meta,
            "title": title,
        },
    )


@admin.action(description=gettext_lazy("Move to the next status"), permissions=["change"])
def move_to_next_status(modeladmin, request, queryset):
    agreement = _single(modeladmin, request, queryset)
    if agreement is None:
        return None
    confirmed = request.POST.get("confirmed") == "yes"
    form = TransitionForm(request.POST if confirmed else None, agreement=agreement)
    if confirmed and form.is_valid():
        try:
            moved = services.transition_agreement(
                agreement=agreement,
                to_status=form.cleaned_data["to_status"],
                signed_on=form.cleaned_data["signed_on"],
                reason=_("Status changed from the back-office"),
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            message = _("Status changed to “%(status)s”.") % {"status": moved.get_status_display()}
            modeladmin.log_change(request, moved, message)
            modeladmin.message_user(request, message, messages.SUCCESS)
            return None
    return _page(
        modeladmin,
        request,
        form=form,
        agreement=agreement,
        action="move_to_next_status",
        title=_("Move %(agreement)s to its next status") % {"agreement": agreement.reference},
    )


@admin.action(description=gettext_lazy("Renew (a draft successor)"), permissions=["add"])
def renew(modeladmin, request, queryset):
    """To the agreement's renewal page (renewal_view)."""
    agreement = _single(modeladmin, request, queryset)
    if agreement is None:
        return None
    return redirect("admin:partnerships_agreement_renew", agreement.pk)


def renewal_view(modeladmin, request, object_id: str):
    """Renew an agreement from its page or the dashboard: a form prefilled with the successor's
    reference, titles, dates and parties; saving creates the draft successor (the predecessor's
    renewal is then in progress) and opens it."""
    agreement = modeladmin.get_object(request, unquote(object_id))
    if agreement is None:
        raise Http404
    if not modeladmin.has_add_permission(request):
        raise PermissionDenied
    change_page = reverse("admin:partnerships_agreement_change", args=[agreement.pk])
    if agreement.successor_id:
        modeladmin.message_user(
            request, _("This agreement has already been renewed."), messages.WARNING
        )
        return redirect(change_page)
    form = RenewalForm(
        request.POST if request.method == "POST" else None,
        initial=selectors.renewal_defaults(agreement),
        admin_site=modeladmin.admin_site,
    )
    if form.is_valid():
        try:
            successor = services.renew_agreement(agreement=agreement, **form.service_arguments())
        except ValidationError as error:
            _add_errors(form, error)
        else:
            modeladmin.log_addition(request, successor, _("Renewal of %s") % agreement.reference)
            modeladmin.log_change(request, agreement, _("Renewed by %s") % successor.reference)
            modeladmin.message_user(
                request,
                _(
                    "%(new)s was created as a draft successor of %(old)s, whose renewal is now "
                    "in progress. It stays off the public site until you tick “shown on the "
                    "public site” on its page."
                )
                % {"new": successor.reference, "old": agreement.reference},
                messages.SUCCESS,
            )
            return redirect("admin:partnerships_agreement_change", successor.pk)
    return TemplateResponse(
        request,
        "admin/partnerships/agreement/renew.html",
        {
            **modeladmin.admin_site.each_context(request),
            "form": form,
            "media": modeladmin.media + form.media,
            "agreement": agreement,
            "change_page": change_page,
            "opts": modeladmin.model._meta,
            "title": _("Renew %(agreement)s") % {"agreement": agreement.reference},
        },
    )
