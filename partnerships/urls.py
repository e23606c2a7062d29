from django.urls import path

from . import views

app_name = "partnerships"

urlpatterns = [
    path("", views.PartnershipListView.as_view(), name="partnership-list"),
    path("agreements/<slug:slug>/", views.AgreementDetailView.as_view(), name="agreement-detail"),
    path(
        "<slug:slug>/partners/", views.PartnershipMembersView.as_view(), name="partnership-members"
    ),
    path("<slug:slug>/", views.PartnershipDetailView.as_view(), name="partnership-detail"),
]
