from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportView.as_view(), name="report"),
    path("tables/<slug:key>.<str:extension>", views.TableDownloadView.as_view(), name="table"),
    path("editions/generate/", views.GenerateView.as_view(), name="generate"),
    path("editions/<int:pk>/", views.EditionView.as_view(), name="edition"),
    path(
        "editions/<int:pk>/download.<str:extension>",
        views.EditionDownloadView.as_view(),
        name="edition-download",
    ),
    path(
        "narratives/<int:partnership>/<int:year>/",
        views.NarrativeView.as_view(),
        name="narrative",
    ),
]
