from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.generic import FormView, TemplateView

from introductions.services import client_digest
from search.exports import base_url
from search.views import kind_from

from . import services
from .forms import SubscribeForm


@method_decorator(never_cache, name="dispatch")
class SubscribeView(FormView):
    """ "Get an e-mail when new results appear": the search in the address, an e-mail address."""

    template_name = "savedsearches/subscribe.html"
    form_class = SubscribeForm

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        saved = services.SavedSearch(
            kind=kind_from(self.request), query_string=params.urlencode(), language=get_language()
        )
        return super().get_context_data(
            description=services.describe(saved),
            query_string=self.request.GET.urlencode(),
            **kwargs,
        )

    def form_valid(self, form):
        if not form.is_robot():
            try:
                services.subscribe(
                    email=form.cleaned_data["email"],
                    kind=kind_from(self.request),
                    params=self.request.GET,
                    language=get_language(),
                    client=client_digest(self.request),
                    base_url=base_url(self.request),
                )
            except ValidationError as error:
                form.add_error(None, error)
                return self.render_to_response(self.get_context_data(form=form), status=429)
        return redirect("savedsearches:check_inbox")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(never_cache, name="dispatch")
class CheckInboxView(TemplateView):
    template_name = "savedsearches/check_inbox.html"


@method_decorator(never_cache, name="dispatch")
class ConfirmView(View):
    """The link of the confirmation e-mail: a button confirms (a link opened by a mail scanner
    confirms nothing)."""

    def get(self, request, token: str):
        saved = self._saved(token)
        return TemplateResponse(
            request,
            "savedsearches/confirm.html",
            {"saved": saved, "description": services.describe(saved)},
        )

    def post(self, request, token: str):
        saved = services.confirm(saved=self._saved(token))
        return TemplateResponse(
            request,
            "savedsearches/confirmed.html",
            {
                "saved": saved,
                "description": services.describe(saved),
                "unsubscribe_url": services.link(saved, services.UNSUBSCRIBE),
            },
        )

    def _saved(self, token: str):
        saved = services.from_token(token, services.CONFIRM)
        if saved is None:
            raise Http404
        return saved


@method_decorator([never_cache, csrf_exempt], name="dispatch")
class UnsubscribeView(View):
    """One click: opening the link (or a mail client's one-click POST, RFC 8058) unsubscribes."""

    def get(self, request, token: str):
        return self.post(request, token)

    def post(self, request, token: str):
        saved = services.from_token(token, services.UNSUBSCRIBE)
        if saved is not None:
            services.unsubscribe(saved=saved)
        return TemplateResponse(request, "savedsearches/unsubscribed.html", {})
