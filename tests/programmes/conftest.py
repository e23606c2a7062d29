import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from institutions.models import Institution
from programmes import services
from programmes.models import Application, Call, Criterion, Reviewer
from tests import factories as f

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf(name: str = "cv.pdf", content: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def world(db):
    """A CLARA member with a team, a partnership with a host abroad, an open call."""
    lyon = f.InstitutionFactory(
        name_fr="Centre Léon Bérard",
        name_en="Centre Léon Bérard",
        country="FR",
        network_role=Institution.NetworkRole.REGIONAL_MEMBER,
    )
    team = f.TeamFactory(institution=lyon, name_en="Team Lyon", name_fr="Équipe Lyon")
    host = f.InstitutionFactory(
        name_fr="Université Fudan", name_en="Fudan University", country="CN"
    )
    elsewhere = f.InstitutionFactory(name_en="Elsewhere Institute", country="US")
    partnership = f.PartnershipFactory(slug="lyon-shanghai", countries=["CN"])
    f.PartnershipMemberFactory(partnership=partnership, institution=host)
    f.PartnershipMemberFactory(partnership=partnership, institution=lyon)
    call = make_call(partnership=partnership)
    return {
        "lyon": lyon,
        "team": team,
        "host": host,
        "elsewhere": elsewhere,
        "partnership": partnership,
        "call": call,
    }


def make_call(*, partnership=None, slug="shanghai-2027", opens=-10, closes=20, **extra) -> Call:
    now = timezone.now()
    values = {
        "title_fr": "Mobilité Shanghai 2027",
        "title_en": "Shanghai mobility 2027",
        "text_fr": "Pour les doctorants et médecins.",
        "text_en": "For PhD students and physicians.",
        "opens_at": now + datetime.timedelta(days=opens),
        "closes_at": now + datetime.timedelta(days=closes),
        "career_stages": ["phd", "physician", "resident"],
        "countries": ["CN"],
        "min_months": 1,
        "max_months": 6,
        "budget": Decimal("20000"),
        "max_award": Decimal("5000"),
        "required_documents": ["cv", "invitation"],
        "is_public": True,
    }
    call = Call.objects.create(slug=slug, **{**values, **extra})
    if partnership is not None:
        call.partnerships.add(partnership)
    Criterion.objects.create(call=call, name_fr="Qualité", name_en="Quality", weight=2)
    Criterion.objects.create(call=call, name_fr="Faisabilité", name_en="Feasibility", weight=1)
    return call


def applicant(email: str):
    return f.UserFactory(username=email, email=email)


def fill(application: Application, world, **values) -> Application:
    start = timezone.localdate() + datetime.timedelta(days=90)
    defaults = {
        "first_name": "Lina",
        "last_name": "Martin",
        "career_stage": "phd",
        "clara_institution": world["lyon"],
        "team": world["team"],
        "host_institution": world["host"],
        "host_contact": "Prof. Gao",
        "host_contact_email": "gao@example.cn",
        "start_date": start,
        "end_date": start + datetime.timedelta(days=119),
        "requested_amount": Decimal("4000"),
        "project_title": "Liver stem cells",
        "project": "Four months in Prof. Gao's team.",
        "consent": True,
    }
    return services.save_draft(
        application=application,
        values={**defaults, **values},
        files={"cv": pdf(), "invitation": pdf("invitation.pdf")},
    )


def submitted(world, email: str = "lina@example.org", **values) -> Application:
    application = services.start_application(call=world["call"], user=applicant(email))
    fill(application, world, **values)
    return services.submit_application(application=application)


def reviewer(name: str, *, institution=None, team=None, call=None) -> Reviewer:
    user = f.UserFactory(username=name.lower(), email=f"{name.lower()}@example.org")
    found = Reviewer.objects.create(user=user, name=name, institution=institution, team=team)
    if call is not None:
        call.reviewers.add(found)
    return found
