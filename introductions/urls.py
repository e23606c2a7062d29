from django.urls import path

from . import views

app_name = "introductions"

urlpatterns = [
    path("sent/", views.ThanksView.as_view(), name="thanks"),
    path(
        "<slug:kind>/<slug:slug>/",
        views.IntroductionRequestView.as_view(),
        name="request",
    ),
]
