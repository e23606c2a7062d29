from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("export.csv", views.SearchExportView.as_view(), name="export"),
    path("exports/", views.SearchExportQueueView.as_view(), name="export_queue"),
    path("exports/<slug:token>/", views.SearchExportStatusView.as_view(), name="export_status"),
    path(
        "exports/<slug:token>/<str:filename>",
        views.SearchExportFileView.as_view(),
        name="export_file",
    ),
    path("suggest/<slug:field>/", views.SuggestionsView.as_view(), name="suggest"),
]
