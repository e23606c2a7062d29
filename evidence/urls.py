from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path(
        "partnership/<int:pk>/",
        views.PartnershipTimelineView.as_view(),
        name="partnership-timeline",
    ),
    path(
        "institution/<int:pk>/",
        views.InstitutionTimelineView.as_view(),
        name="institution-timeline",
    ),
]
