from django.urls import path

from . import views

app_name = "programmes"

urlpatterns = [
    path("", views.CallListView.as_view(), name="call-list"),
    path("sign-in/", views.SignInView.as_view(), name="sign-in"),
    path("sign-in/link/", views.SignInLinkView.as_view(), name="sign-in-link"),
    path("sign-out/", views.SignOutView.as_view(), name="sign-out"),
    path("my-applications/", views.MyApplicationsView.as_view(), name="my-applications"),
    path("hosts/", views.HostSearchView.as_view(), name="host-search"),
    path("applications/<int:pk>/", views.ApplicationView.as_view(), name="application"),
    path("applications/<int:pk>/receipt/", views.ReceiptView.as_view(), name="receipt"),
    path("applications/<int:pk>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("documents/<int:pk>/", views.DocumentView.as_view(), name="document"),
    path("checklist/<int:pk>/report/", views.ReportUploadView.as_view(), name="report"),
    path("reviews/<int:pk>/", views.ReviewView.as_view(), name="review"),
    path("<slug:slug>/apply/", views.ApplyView.as_view(), name="apply"),
    path("<slug:slug>/", views.CallDetailView.as_view(), name="call-detail"),
]
