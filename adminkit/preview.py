"""Staff see a record's public page before it is published: the same page, under a "Preview —
not published" banner, never cached and never indexed; everyone else gets the 404 of an
unpublished record."""

from django.contrib import admin
from django.http import Http404
from django.utils.cache import add_never_cache_headers


def may_preview(request, model) -> bool:
    """Whoever passes the back-office's door (its site's own check) and may view the model."""
    opts = model._meta
    return admin.site.has_permission(request) and request.user.has_perm(
        f"{opts.app_label}.view_{opts.model_name}"
    )


class StaffPreviewMixin:
    """A DetailView whose `get_queryset()` reads `self.previewing`: published records only,
    unless a staff member asks for one that is not (then every record it may show)."""

    previewing = False

    def get_object(self, queryset=None):
        try:
            return super().get_object(queryset)
        except Http404:
            if queryset is not None or not may_preview(self.request, self.model_shown()):
                raise
        self.previewing = True
        return super().get_object()

    def model_shown(self):
        return self.get_queryset().model

    def get_context_data(self, **kwargs):
        return super().get_context_data(previewing=self.previewing, **kwargs)

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.previewing:
            add_never_cache_headers(response)
            response["X-Robots-Tag"] = "noindex"
        return response
