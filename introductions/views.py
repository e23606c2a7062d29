from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView

from search.exports import base_url

from . import selectors, services
from .forms import IntroductionForm


@method_decorator(never_cache, name="dispatch")
class IntroductionRequestView(FormView):
    """The short form asking CLARA's international office for an introduction to a public
    team, institution or collaboration (named by the address)."""

    template_name = "introductions/request.html"
    form_class = IntroductionForm

    def dispatch(self, request, *args, **kwargs):
        self.record = selectors.public_subject(kwargs["kind"], kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=self.record, kind=self.kwargs["kind"], **kwargs)

    def form_valid(self, form):
        if form.is_robot():  # answered as if sent: nothing is written, nothing sent
            return redirect("introductions:thanks")
        try:
            services.create_request(
                data=form.cleaned_data,
                record=self.record,
                language=get_language(),
                client=services.client_digest(self.request),
                base_url=base_url(self.request),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return redirect("introductions:thanks")

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


@method_decorator(never_cache, name="dispatch")
class ThanksView(TemplateView):
    template_name = "introductions/thanks.html"
