"""Selection in the back-office: a call's applications, one application (eligibility,
reviewers, decision), the ranking. Staff only (StaffRequiredMixin) with the permissions."""

from django.contrib import admin, messages
from django.contrib.auth.mixins import PermissionRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from backoffice.access import StaffRequiredMixin

from . import selectors, services
from .forms import AssignForm, DecisionForm
from .models import Application, ApplicationDocument, Call
from .views import stream_pdf

PER_PAGE = 50


class StaffPage(StaffRequiredMixin, PermissionRequiredMixin, View):
    permission_required = "programmes.view_application"

    def page(self, request, template, title, **context):
        return render(
            request,
            f"programmes/staff/{template}",
            {**admin.site.each_context(request), "title": title, **context},
        )


class CallsView(StaffPage):
    """The address the selection's pages live under: the calls' list in the admin."""

    permission_required = "programmes.view_call"

    def get(self, request):
        return redirect("admin:programmes_call_changelist")


class CallApplicationsView(StaffPage):
    def get(self, request, pk):
        call = get_object_or_404(Call, pk=pk)
        rules = selectors.CallRules.of(call)
        page = Paginator(selectors.applications_of(call), PER_PAGE).get_page(
            request.GET.get("page")
        )
        rows = [(a, selectors.eligibility_problems(a, rules)) for a in page]
        return self.page(
            request,
            "applications.html",
            _("Applications: %(call)s") % {"call": call},
            call=call,
            rows=rows,
            page_obj=page,
            is_paginated=page.has_other_pages(),
        )


class ApplicationDetailView(StaffPage):
    def get(self, request, pk, assign_form=None, decision_form=None):
        application = get_object_or_404(
            Application.objects.exclude(status=Application.Status.DRAFT).select_related(
                "call", "clara_institution", "team", "host_institution", "applicant"
            ),
            pk=pk,
        )
        offered = selectors.reviewers_offered(application)
        decision = getattr(application, "decision", None)
        return self.page(
            request,
            "application.html",
            str(application),
            application=application,
            call=application.call,
            problems=selectors.eligibility_problems(application),
            documents=application.documents.all(),
            assignments=application.assignments.select_related("reviewer").prefetch_related(
                "scores__criterion"
            ),
            decision=decision,
            quota=selectors.quota_of(application, user=request.user),
            assign_form=assign_form or AssignForm(offered=offered),
            decision_form=decision_form
            or DecisionForm(initial={"amount": application.requested_amount}),
            may_change=request.user.has_perm("programmes.change_application"),
        )

    def post(self, request, pk):
        if not request.user.has_perm("programmes.change_application"):
            return self.handle_no_permission()
        application = get_object_or_404(
            Application.objects.filter(status=Application.Status.SUBMITTED), pk=pk
        )
        if request.POST.get("action") == "assign":
            return self.assign(request, application)
        return self.decide(request, application)

    def assign(self, request, application):
        form = AssignForm(request.POST, offered=selectors.reviewers_offered(application))
        if form.is_valid():
            try:
                services.assign_reviewer(
                    application=application, reviewer=form.cleaned_data["reviewer"], by=request.user
                )
                messages.success(request, _("The reviewer is assigned."))
                return redirect("programmes-staff:application", pk=application.pk)
            except ValidationError as refused:
                form.add_error("reviewer", refused.messages)
        return self.get(request, application.pk, assign_form=form)

    def decide(self, request, application):
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.decide(
                    application=application,
                    outcome=form.cleaned_data["outcome"],
                    amount=form.cleaned_data["amount"],
                    by=request.user,
                )
                messages.success(request, _("The decision is recorded and the applicant told."))
                return redirect("programmes-staff:application", pk=application.pk)
            except ValidationError as refused:
                errors = refused.message_dict if hasattr(refused, "error_dict") else {}
                for field, messages_ in errors.items():
                    form.add_error(field if field in form.fields else None, messages_)
                if not errors:
                    form.add_error(None, refused.messages)
        return self.get(request, application.pk, decision_form=form)


class RankingView(StaffPage):
    def get(self, request, pk):
        call = get_object_or_404(Call, pk=pk)
        rows = selectors.ranking(call)
        page = Paginator(rows, PER_PAGE).get_page(request.GET.get("page"))
        return self.page(
            request,
            "ranking.html",
            _("Ranking: %(call)s") % {"call": call},
            call=call,
            rows=page,
            page_obj=page,
            is_paginated=page.has_other_pages(),
        )


class StaffDocumentView(StaffPage):
    def get(self, request, pk):
        document = get_object_or_404(
            ApplicationDocument.objects.exclude(application__status=Application.Status.DRAFT),
            pk=pk,
        )
        return stream_pdf(document.file)
