from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.views.generic import DetailView, ListView

from adminkit.preview import StaffPreviewMixin
from pagecache.cache import page_depends_on
from people.models import Person
from sources.selectors import attach_sources

from . import selectors
from .models import Agreement, AgreementParty, Partnership


class PartnershipListView(ListView):
    template_name = "partnerships/partnership_list.html"
    context_object_name = "partnerships"
    paginate_by = 20

    def get_queryset(self):
        self.filterset, queryset, self.filters_valid = selectors.partnership_list(
            params=self.request.GET
        )
        return queryset

    def get_context_data(self, **kwargs):
        params = self.request.GET.copy()
        params.pop("page", None)
        return super().get_context_data(
            filterset=self.filterset,
            filters_valid=self.filters_valid,
            query_string=params.urlencode(),
            **kwargs,
        )

    def render_to_response(self, context, **response_kwargs):
        if not self.filters_valid:
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)


class PartnershipDetailView(StaffPreviewMixin, DetailView):
    template_name = "partnerships/partnership_detail.html"
    context_object_name = "partnership"

    def get_queryset(self):
        return selectors.public_partnerships(published=not self.previewing)

    def get_context_data(self, **kwargs):
        partnership = self.object
        # Its own records in this app only: another collaboration's change leaves it fresh.
        page_depends_on(self.request, records=[partnership], through_apps={"partnerships"})
        attach_sources([partnership, *partnership.key_figures.all()])
        agreements, agreements_total = selectors.partnership_agreements(partnership)
        partner_map = selectors.partner_map(partnership=partnership)
        return super().get_context_data(
            partners=selectors.partners_summary(partnership, partner_map),
            agreements=agreements,
            agreements_total=agreements_total,
            mobility_summary=selectors.mobility_summary(partnership),
            map=partner_map,
            **kwargs,
        )


class PartnershipMembersView(ListView):
    """Every partner of a collaboration, page by page."""

    template_name = "partnerships/partnership_members.html"
    context_object_name = "members"
    paginate_by = 50

    def get_queryset(self):
        self.partnership = get_object_or_404(Partnership.objects.public(), slug=self.kwargs["slug"])
        return selectors.members_by_place(self.partnership)

    def get_context_data(self, **kwargs):
        return super().get_context_data(partnership=self.partnership, **kwargs)


class AgreementDetailView(StaffPreviewMixin, DetailView):
    template_name = "partnerships/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        # A confidential agreement is never shown on the public site, not even as a preview.
        return (
            (Agreement.objects.public() if self.previewing else Agreement.objects.published())
            .select_related("partnership")
            .prefetch_related(
                "commitments",
                "themes",
                Prefetch("parties", queryset=AgreementParty.objects.select_related("institution")),
                # At the top level: nested in the parties' queryset, Django then reads each
                # party's raw signatory once more (a query per party).
                Person.objects.public_prefetch("parties__signatory", to_attr="public_signatory"),
            )
        )
