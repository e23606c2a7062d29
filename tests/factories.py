import datetime

import factory
from django.contrib.auth import get_user_model

from euprojects.models import OrganisationMatch, Participation, Project
from events.models import Event
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from partnerships.models import (
    Agreement,
    AgreementCommitment,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
)
from people.models import Person
from themes.models import ResearchTheme


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.django.Password("correct horse battery")


class ResearchThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ResearchTheme

    slug = factory.Sequence(lambda n: f"theme-{n}")
    name_fr = factory.Sequence(lambda n: f"Thème {n}")
    name_en = factory.Sequence(lambda n: f"Theme {n}")


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Institution

    slug = factory.Sequence(lambda n: f"institution-{n}")
    name_fr = factory.Sequence(lambda n: f"Institut {n}")
    name_en = factory.Sequence(lambda n: f"Institute {n}")
    kind = Institution.Kind.RESEARCH_INSTITUTE
    network_role = Institution.NetworkRole.FOREIGN_PARTNER
    country = "CN"
    city_fr = "Shanghaï"
    city_en = "Shanghai"


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    slug = factory.Sequence(lambda n: f"team-{n}")
    name_fr = factory.Sequence(lambda n: f"Équipe {n}")
    name_en = factory.Sequence(lambda n: f"Team {n}")
    institution = factory.SubFactory(InstitutionFactory)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    slug = factory.Sequence(lambda n: f"person-{n}")
    first_name = "Marie"
    last_name = factory.Sequence(lambda n: f"Durand{n}")
    email = factory.LazyAttribute(lambda o: f"{o.slug}@example.org")
    is_public = True
    affiliation = factory.SubFactory(InstitutionFactory)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    slug = factory.Sequence(lambda n: f"partnership-{n}")
    name_fr = factory.Sequence(lambda n: f"Partenariat {n}")
    name_en = factory.Sequence(lambda n: f"Partnership {n}")
    kind = Partnership.Kind.BILATERAL_PROGRAMME
    status = Partnership.Status.ACTIVE
    summary_fr = "Résumé"
    summary_en = "Summary"
    start_date = datetime.date(2012, 2, 21)
    is_public = True


class PartnershipMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnershipMember

    partnership = factory.SubFactory(PartnershipFactory)
    institution = factory.SubFactory(InstitutionFactory)
    role = PartnershipMember.Role.PARTNER


class KeyFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = KeyFigure

    partnership = factory.SubFactory(PartnershipFactory)
    value = 14
    label_fr = "instituts impliqués"
    label_en = "institutes involved"


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    reference = factory.Sequence(lambda n: f"AGR-{n:04d}")
    slug = factory.Sequence(lambda n: f"agr-{n:04d}")
    title_fr = factory.Sequence(lambda n: f"Accord {n}")
    title_en = factory.Sequence(lambda n: f"Agreement {n}")
    kind = Agreement.Kind.PARTNERSHIP
    status = Agreement.Status.SIGNED
    signed_on = datetime.date(2018, 3, 8)
    partnership = factory.SubFactory(PartnershipFactory)
    is_public = True


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    institution = factory.SubFactory(InstitutionFactory)


class AgreementCommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementCommitment

    agreement = factory.SubFactory(AgreementFactory)
    kind = AgreementCommitment.Kind.JOINT_CONFERENCE
    description_fr = "Conférences communes"
    description_en = "Joint conferences"


class MobilityExchangeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MobilityExchange

    person = factory.SubFactory(PersonFactory)
    category = MobilityExchange.Category.PHD
    direction = MobilityExchange.Direction.OUTGOING
    home_institution = factory.SubFactory(
        InstitutionFactory, country="FR", network_role="regional_member"
    )
    host_institution = factory.SubFactory(InstitutionFactory)
    planned_start = datetime.date(2012, 2, 20)
    planned_end = datetime.date(2012, 6, 19)


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    slug = factory.Sequence(lambda n: f"event-{n}")
    title_fr = factory.Sequence(lambda n: f"Symposium {n}")
    title_en = factory.Sequence(lambda n: f"Symposium {n}")
    kind = Event.Kind.SYMPOSIUM
    start_date = datetime.date(2011, 7, 4)
    end_date = datetime.date(2011, 7, 6)
    is_public = True


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    cordis_id = factory.Sequence(lambda n: f"{900000 + n}")
    acronym = factory.Sequence(lambda n: f"PROJ{n}")
    framework_programme = "H2020"
    status = Project.Status.SIGNED
    start_date = datetime.date(2016, 1, 1)
    end_date = datetime.date(2019, 12, 31)
    source_hash = "x"


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    project = factory.SubFactory(ProjectFactory)
    organisation_id = factory.Sequence(lambda n: f"{990000000 + n}")
    role = Participation.Role.PARTICIPANT
    name = factory.Sequence(lambda n: f"ORGANISATION {n}")
    country = "DE"
    institution = factory.SubFactory(InstitutionFactory)
    source_hash = "x"


class OrganisationMatchFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationMatch

    organisation_id = factory.Sequence(lambda n: f"{980000000 + n}")
    name = "UNIVERSITE CLAUDE BERNARD LYON 1"
    country = "FR"
    institution = factory.SubFactory(InstitutionFactory, country="FR")
    confidence = "0.700"
