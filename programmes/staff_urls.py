from django.urls import path

from . import staff_views

app_name = "programmes-staff"

urlpatterns = [
    path("", staff_views.CallsView.as_view(), name="home"),
    path(
        "calls/<int:pk>/applications/",
        staff_views.CallApplicationsView.as_view(),
        name="applications",
    ),
    path("calls/<int:pk>/ranking/", staff_views.RankingView.as_view(), name="ranking"),
    path(
        "applications/<int:pk>/",
        staff_views.ApplicationDetailView.as_view(),
        name="application",
    ),
    path("documents/<int:pk>/", staff_views.StaffDocumentView.as_view(), name="document"),
]
