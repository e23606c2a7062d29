from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from institutions.models import Institution
from pagecache.cache import page_depends_on

from .selectors import projects_with_clara, with_clara_partners


class InstitutionProjectsView(ListView):
    """Every EU project of a partner institution with a CLARA member, page by page."""

    template_name = "euprojects/institution_projects.html"
    context_object_name = "projects"
    paginate_by = 30

    def get_queryset(self):
        self.institution = get_object_or_404(
            Institution.objects.partners_probed().light(), slug=self.kwargs["slug"]
        )
        return projects_with_clara(self.institution)

    def get_context_data(self, **kwargs):
        page_depends_on(self.request, records=[self.institution], through_apps=set())
        context = super().get_context_data(institution=self.institution, **kwargs)
        context["projects"] = with_clara_partners(list(context["projects"]), self.institution)
        return context
