from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"

router = DefaultRouter()
router.register("institutions", views.InstitutionViewSet, basename="institution")
router.register("teams", views.TeamViewSet, basename="team")
router.register("people", views.PersonViewSet, basename="person")
router.register("themes", views.ThemeViewSet, basename="theme")
router.register("collaborations", views.PartnershipViewSet, basename="collaboration")
router.register("agreements", views.AgreementViewSet, basename="agreement")
router.register("events", views.EventViewSet, basename="event")

urlpatterns = [
    path("", include(router.urls)),
    path("affiliations/", views.AffiliationView.as_view(), name="affiliations"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
