from django.db.models import Prefetch
from django.views.generic import DetailView, ListView

from .models import Agreement, AgreementParty, Partnership, PartnershipMember


class PartnershipListView(ListView):
    template_name = "partnerships/partnership_list.html"
    context_object_name = "partnerships"
    paginate_by = 20

    def get_queryset(self):
        return Partnership.objects.public().prefetch_related("themes").order_by("name")


class PartnershipDetailView(DetailView):
    template_name = "partnerships/partnership_detail.html"
    context_object_name = "partnership"

    def get_queryset(self):
        return Partnership.objects.public().prefetch_related(
            "themes",
            "key_figures",
            Prefetch(
                "members",
                queryset=PartnershipMember.objects.select_related("institution").order_by(
                    "institution__country", "institution__name"
                ),
            ),
            Prefetch(
                "agreements",
                queryset=Agreement.objects.public().prefetch_related(
                    Prefetch(
                        "parties",
                        queryset=AgreementParty.objects.select_related("institution"),
                    )
                ),
            ),
        )


class AgreementDetailView(DetailView):
    template_name = "partnerships/agreement_detail.html"
    context_object_name = "agreement"

    def get_queryset(self):
        return (
            Agreement.objects.public()
            .filter(partnership__is_public=True)
            .select_related("partnership")
            .prefetch_related(
                "commitments",
                "themes",
                Prefetch("parties", queryset=AgreementParty.objects.select_related("institution")),
            )
        )
