from django.urls import path

from . import views

app_name = "search"

urlpatterns = [
    path("", views.SearchView.as_view(), name="search"),
    path("export.csv", views.SearchExportView.as_view(), name="export"),
    path("suggest/<slug:field>/", views.SuggestionsView.as_view(), name="suggest"),
]
