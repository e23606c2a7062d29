from django.conf import settings


def site(request):
    return {
        "contact_email": settings.CLARA_CONTACT_EMAIL,
        "clara_website": settings.CLARA_WEBSITE,
    }
