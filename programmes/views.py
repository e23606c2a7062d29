"""Public call pages, the applicant's and the reviewer's pages (signed in by e-mail link)."""

from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Case, Q, When
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, TemplateView

from core.languages import in_default_language
from institutions.models import Institution
from institutions.resolver import resolve_affiliation

from . import selectors, services
from .forms import ApplicationForm, ConflictForm, ReportForm, ScoreForm, SignInForm
from .models import Application, ApplicationDocument, Call, ChecklistItem, ReviewAssignment

CLOSED_PER_PAGE = 20
HOSTS_SHOWN = 10


@method_decorator(never_cache, name="dispatch")  # open, upcoming, closed: follows the clock
class CallListView(TemplateView):
    template_name = "programmes/call_list.html"

    def get_context_data(self, **kwargs):
        now = timezone.now()
        calls = Call.objects.public()
        closed = Paginator(calls.closed(now).order_by("-closes_at", "pk"), CLOSED_PER_PAGE)
        page = closed.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            open_calls=list(calls.open(now).order_by("closes_at", "pk")[:50]),
            upcoming=list(calls.upcoming(now).order_by("opens_at", "pk")[:50]),
            closed=page,
            page_obj=page,
            is_paginated=page.has_other_pages(),
            **kwargs,
        )


@method_decorator(never_cache, name="dispatch")
class CallDetailView(DetailView):
    template_name = "programmes/call_detail.html"
    context_object_name = "call"

    def get_queryset(self):
        return Call.objects.public().prefetch_related("partnerships", "criteria")

    def get_context_data(self, **kwargs):
        call = self.object
        url = self.request.build_absolute_uri(call.get_absolute_url())
        return super().get_context_data(
            state=call.state(), call_json_ld=schema_org(call, url), **kwargs
        )


def schema_org(call: Call, url: str) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "MonetaryGrant",
        "name": call.title,
        "description": call.text,
        "url": url,
        "funder": {"@type": "Organization", "name": "Cancéropôle CLARA"},
        "amount": {"@type": "MonetaryAmount", "currency": "EUR", "maxValue": str(call.max_award)},
        "temporalCoverage": f"{call.opens_at.isoformat()}/{call.closes_at.isoformat()}",
    }


class ApplicantRequiredMixin(LoginRequiredMixin):
    login_url = reverse_lazy("programmes:sign-in")


@method_decorator(never_cache, name="dispatch")
class SignInView(View):
    """An address, then a one-time link by e-mail; the same answer whoever asks."""

    template_name = "programmes/sign_in.html"

    def get(self, request):
        return render(request, self.template_name, {"form": SignInForm(), "next": _next(request)})

    def post(self, request):
        form = SignInForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form, "next": _next(request)})
        link = request.build_absolute_uri(reverse("programmes:sign-in-link"))
        link += "?" + urlencode({"next": _next(request)})
        services.request_sign_in_link(email=form.cleaned_data["email"], link_url=link)
        return render(
            request, "programmes/sign_in_sent.html", {"email": form.cleaned_data["email"]}
        )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return reverse("programmes:my-applications")


@method_decorator(never_cache, name="dispatch")
class SignInLinkView(View):
    """The e-mailed link shows a button (a mail scanner opening the link spends nothing); the
    button signs in with the link's one-time token."""

    template_name = "programmes/sign_in_link.html"

    def get(self, request):
        token = request.GET.get("token", "")
        return render(request, self.template_name, {"token": token, "next": _next(request)})

    def post(self, request):
        token = request.POST.get("token", "")
        user = authenticate(request, sesame=token, scope=services.SIGN_IN_SCOPE)
        if user is None:
            messages.error(
                request, _("This link has expired or was already used: ask for another.")
            )
            return redirect("programmes:sign-in")
        login(request, user)
        return redirect(_next(request))


class SignOutView(View):
    def post(self, request):
        logout(request)
        return redirect("programmes:call-list")


class MyApplicationsView(ApplicantRequiredMixin, TemplateView):
    template_name = "programmes/my_applications.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        applications = (
            Application.objects.of(user).select_related("call", "decision").order_by("-pk")[:50]
        )
        items = ChecklistItem.objects.filter(application__applicant=user).select_related(
            "mobility__host_institution"
        )
        return super().get_context_data(
            applications=applications,
            checklist=items,
            report_form=ReportForm(),
            assignments=selectors.assignments_of(user)[:50],
            **kwargs,
        )


class ApplyView(ApplicantRequiredMixin, View):
    """The applicant's one application to a call: their draft, made at the first visit."""

    def get(self, request, slug):
        call = get_object_or_404(Call.objects.public(), slug=slug)
        try:
            application = services.start_application(call=call, user=request.user)
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
            return redirect(call)
        return redirect(application)


def own_application(request, pk) -> Application:
    """The signed-in applicant's application; anyone else's is not found."""
    queryset = Application.objects.of(request.user).select_related(
        "call", "clara_institution", "team", "host_institution"
    )
    return get_object_or_404(queryset, pk=pk)


class ApplicationView(ApplicantRequiredMixin, View):
    template_name = "programmes/application_form.html"

    def get(self, request, pk):
        application = own_application(request, pk)
        form = ApplicationForm(instance=application, call=application.call)
        return self.render(request, application, form)

    def render(self, request, application, form, problems=None):
        editable = application.status == Application.Status.DRAFT and application.call.is_open()
        return render(
            request,
            self.template_name,
            {
                "application": application,
                "call": application.call,
                "form": form,
                "editable": editable,
                "documents": application.documents.all(),
                "problems": problems
                if problems is not None
                else selectors.eligibility_problems(application),
            },
        )

    def post(self, request, pk):
        application = own_application(request, pk)
        form = ApplicationForm(
            request.POST, request.FILES, instance=application, call=application.call
        )
        if not form.is_valid():
            application.refresh_from_db()
            return self.render(request, application, form)
        try:
            services.save_draft(
                application=application, values=form.values(), files=form.documents()
            )
            if request.POST.get("action") == "submit":
                services.submit_application(application=application)
                return redirect("programmes:receipt", pk=application.pk)
        except ValidationError as refused:
            application.refresh_from_db()
            return self.render(request, application, form, problems=refused.messages)
        messages.success(request, _("Your draft is saved."))
        return redirect(application)


class ReceiptView(ApplicantRequiredMixin, TemplateView):
    template_name = "programmes/receipt.html"

    def get_context_data(self, **kwargs):
        application = own_application(self.request, kwargs["pk"])
        if not application.reference:
            raise Http404("Not submitted.")
        return super().get_context_data(
            application=application, documents=application.documents.all(), **kwargs
        )


class WithdrawView(ApplicantRequiredMixin, View):
    def post(self, request, pk):
        application = own_application(request, pk)
        try:
            services.withdraw_application(application=application)
            messages.success(request, _("Your application is withdrawn."))
        except ValidationError as refused:
            messages.error(request, " ".join(refused.messages))
        return redirect("programmes:my-applications")


def stream_pdf(file) -> FileResponse:
    try:
        handle = file.open("rb")
    except FileNotFoundError as missing:
        raise Http404("The file is missing from storage.") from missing
    response = FileResponse(handle, as_attachment=True, filename=file.name.rsplit("/", 1)[-1])
    response["Content-Type"] = "application/pdf"
    response["Cache-Control"] = "private, no-store"
    return response


class DocumentView(ApplicantRequiredMixin, View):
    """A PDF of an application: to its applicant, and to a reviewer assigned to it (without a
    declared conflict). Anyone else: not found."""

    def get(self, request, pk):
        user = request.user
        reviewing = ReviewAssignment.objects.filter(reviewer__user=user, conflict=False)
        allowed = Q(application__applicant=user) | Q(
            application__in=reviewing.values("application")
        )
        document = get_object_or_404(ApplicationDocument.objects.filter(allowed), pk=pk)
        return stream_pdf(document.file)


class ReportUploadView(ApplicantRequiredMixin, View):
    def post(self, request, pk):
        item = get_object_or_404(
            ChecklistItem.objects.filter(application__applicant=request.user), pk=pk
        )
        form = ReportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.upload_final_report(item=item, upload=form.cleaned_data["report"])
                messages.success(request, _("Your final report is received."))
                return redirect("programmes:my-applications")
            except ValidationError as refused:
                form.add_error("report", refused.messages)
        for error in form.errors.get("report", []):
            messages.error(request, error)
        return redirect("programmes:my-applications")


class HostSearchView(ApplicantRequiredMixin, View):
    """The host institution's choices for what was typed (a name, an acronym or a whole
    affiliation): the directory's names first, then the affiliation resolver's."""

    def get(self, request):
        text = request.GET.get("q", "").strip()[:200]
        return render(request, "programmes/host_choices.html", {"hosts": host_choices(text)})


def host_choices(text: str) -> list[Institution]:
    if len(text) < 2 or "\x00" in text:
        return []
    abroad = Institution.objects.exclude(network_role=Institution.NetworkRole.REGIONAL_MEMBER)
    name = in_default_language("name")
    found = list(
        abroad.filter(
            Q(**{f"{name}__icontains": text}) | Q(acronym__iexact=text) | Q(name__icontains=text)
        )
        .light()
        .order_by(name, "pk")[:HOSTS_SHOWN]
    )
    if found or len(text) < 4:
        return found
    pks = [c.institution_id for c in resolve_affiliation(text, wait=False)][:HOSTS_SHOWN]
    rank = Case(*(When(pk=pk, then=n) for n, pk in enumerate(pks)), default=len(pks))
    return list(abroad.filter(pk__in=pks).light().order_by(rank)) if pks else []


class ReviewView(ApplicantRequiredMixin, View):
    """A reviewer's assignment: the application, scores per criterion, or a conflict."""

    template_name = "programmes/review.html"

    def assignment(self, request, pk) -> ReviewAssignment:
        return get_object_or_404(
            selectors.assignments_of(request.user).select_related("application__clara_institution"),
            pk=pk,
        )

    def get(self, request, pk):
        assignment = self.assignment(request, pk)
        return self.render(request, assignment, self.score_form(assignment))

    def score_form(self, assignment, data=None):
        criteria = assignment.application.call.criteria.all()
        initial = {"comment": assignment.comment}
        for score in assignment.scores.all():
            initial[f"score_{score.criterion_id}"] = score.value
            initial[f"comment_{score.criterion_id}"] = score.comment
        return ScoreForm(data, criteria=criteria, initial=initial)

    def render(self, request, assignment, form):
        application = assignment.application
        return render(
            request,
            self.template_name,
            {
                "assignment": assignment,
                "application": application,
                "documents": application.documents.all() if not assignment.conflict else [],
                "form": form,
                "conflict_form": ConflictForm(),
            },
        )

    def post(self, request, pk):
        assignment = self.assignment(request, pk)
        if request.POST.get("action") == "conflict":
            form = ConflictForm(request.POST)
            note = form.cleaned_data["note"] if form.is_valid() else ""
            services.declare_conflict(assignment=assignment, note=note)
            messages.success(request, _("Your conflict of interest is recorded."))
            return redirect("programmes:my-applications")
        form = self.score_form(assignment, request.POST)
        if form.is_valid():
            try:
                services.record_scores(
                    assignment=assignment, marks=form.marks(), comment=form.cleaned_data["comment"]
                )
                messages.success(request, _("Your scores are saved."))
                return redirect("programmes:my-applications")
            except ValidationError as refused:
                form.add_error(None, refused.messages)
        return self.render(request, assignment, form)
