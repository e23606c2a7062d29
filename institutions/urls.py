from django.urls import path

from . import views

app_name = "institutions"

urlpatterns = [
    path("", views.InstitutionListView.as_view(), name="institution-list"),
    path("teams/<slug:slug>/", views.TeamDetailView.as_view(), name="team-detail"),
    path("<slug:slug>/", views.InstitutionDetailView.as_view(), name="institution-detail"),
]
