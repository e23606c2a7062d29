# ruff: noqa: E501 (sentences and vocabulary read better on one line)
"""Synthetic records in the shapes of the CLARA dataset, written in bulk with explicit keys.

Every table gets one contiguous range of new primary keys, recorded in SyntheticRange: that is
the only mark, so `remove()` deletes exactly what a batch wrote. History rows are written as an
import writes them ("+", one per record). Deterministic for a given seed and scale.
"""

import datetime
import math
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.text import slugify

from core.validators import CROCKFORD_BASE32, orcid_check_digit, ror_checksum
from dataset import clara
from events.models import Event, EventParticipant
from institutions.models import Institution, Team
from mobility.models import MobilityExchange
from pagecache.cache import bump_content_version
from partnerships.models import (
    Agreement,
    AgreementCommitment,
    AgreementParty,
    KeyFigure,
    Partnership,
    PartnershipMember,
)
from people.models import Person
from sources.models import Source, SourceLink
from themes.models import ResearchTheme
from thesaurus.models import Concept, Term, normalize

from . import vocabulary as V
from .models import SyntheticBatch, SyntheticRange

CHANGE_REASON = "Synthetic data import"
BATCH_SIZE = 2000
FIRST_DAY = datetime.date(2006, 1, 1)
LAST_DAY = datetime.date(2027, 12, 31)
SPAN_DAYS = (LAST_DAY - FIRST_DAY).days
# Statuses (planned, under way, completed) are set against this day, not today: deterministic.
ANCHOR = datetime.date(2026, 12, 1)

# Rows per model at scale 1 (the sizes, without CLARA's own records).
FULL_SIZES = {
    "institutions": 100_000,
    "teams": 200_000,
    "people": 100_000,
    "partnerships": 5_000,
    "agreements": 20_000,
    "mobilities": 200_000,
    "events": 10_000,
    "sources": 1_000,
    "concepts": 5_000,
}
MINIMUM_SIZES = {
    "institutions": 30,
    "teams": 20,
    "people": 20,
    "partnerships": 3,
    "agreements": 5,
    "mobilities": 10,
    "events": 5,
    "sources": 3,
    "concepts": 30,
}


class DatasetPresent(Exception):
    """The database holds the CLARA dataset: synthetic records must not mix with it."""


def sizes_for(scale: float) -> dict[str, int]:
    return {
        name: max(MINIMUM_SIZES[name], round(full * scale)) for name, full in FULL_SIZES.items()
    }


def holds_clara_dataset() -> bool:
    return (
        Source.objects.filter(key__in=[s["key"] for s in clara.SOURCES]).exists()
        or Institution.objects.filter(slug__in=[i["slug"] for i in clara.INSTITUTIONS]).exists()
    )


def ascii_text(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def de(name: str) -> str:
    """French "de Lyon", "d'Oxford", "d'Édimbourg"."""
    return f"d'{name}" if ascii_text(name[:1]).lower() in "aeiouyh" else f"de {name}"


@dataclass
class InstitutionInfo:
    pk: int
    country: str
    city_fr: str
    name_fr: str
    name_en: str
    regional: bool


class Row(dict):
    """A row to COPY: attribute access to its columns, `pk` for "id"."""

    def __getattr__(self, name):
        try:
            return self["id" if name == "pk" else name]
        except KeyError as error:
            raise AttributeError(name) from error

    def __setattr__(self, name, value):
        self["id" if name == "pk" else name] = value


class Writer:
    """Explicit keys from the top of each table, bulk inserts, history rows, key ranges."""

    def __init__(self, batch: SyntheticBatch):
        self.batch = batch
        self.ranges: list[SyntheticRange] = []
        self.counts: dict[str, int] = {}
        self.history_date = timezone.now()
        self.written_models: list[type[models.Model]] = []
        self._column_cache: dict = {}

    def make(self, model, **values):
        """A model instance (bulk_create), or on PostgreSQL a Row for COPY: no model __init__."""
        if connection.vendor != "postgresql":
            return model(**values)
        if "pk" in values:
            values["id"] = values.pop("pk")
        return Row(values)

    def _columns(self, model):
        """(column, attname, default, convert) per column, computed once per model."""
        found = self._column_cache.get(model)
        if found is not None:
            return found
        translated = {}
        try:
            from modeltranslation.translator import NotRegistered, translator

            try:
                translated = translator.get_options_for_model(model).all_fields
            except NotRegistered:
                translated = {}
        except ImportError:
            pass
        columns = []
        for field in model._meta.concrete_fields:
            if getattr(field, "generated", False):
                continue  # computed by the database (e.g. a search vector)
            if field.db_default is not models.NOT_PROVIDED and not field.has_default():
                continue  # the database's default
            default = None
            if isinstance(field, models.DateTimeField) and (field.auto_now or field.auto_now_add):
                default = self.history_date
            elif not isinstance(field, models.AutoField):
                default = field.get_default()
            convert = None
            if isinstance(field, models.JSONField):

                def convert(value, field=field):
                    return field.get_db_prep_save(value, connection)

            source = None
            if field.name in translated:
                source = (f"{field.attname}_fr", f"{field.attname}_en")
            columns.append((field.column, field.attname, default, convert, source))
        self._column_cache[model] = columns
        return columns

    @staticmethod
    def next_id(model: type[models.Model]) -> int:
        top = model._default_manager.aggregate(top=Max("pk"))["top"] or 0
        history = getattr(model, "history", None)
        if history is not None:
            # Keys of deleted records live on in their history: never reuse them.
            top = max(top, history.model.objects.aggregate(top=Max("id"))["top"] or 0)
        return top + 1

    def write(self, model: type[models.Model], objs, *, history: bool = True) -> int:
        """Insert `objs` (an iterable, keys already set) in batches; returns how many."""
        table = model._meta.db_table
        history_model = model.history.model if history and hasattr(model, "history") else None
        history_id = 0
        if history_model is not None:
            history_id = history_model.objects.aggregate(top=Max("history_id"))["top"] or 0
        first_history = history_id + 1
        first = last = None
        total = 0
        chunk: list = []
        copy = connection.vendor == "postgresql"

        def flush():
            nonlocal history_id
            if copy:
                history_id = self._copy(model, history_model, chunk, history_id)
                chunk.clear()
                return
            model._default_manager.bulk_create(chunk, batch_size=BATCH_SIZE)
            if history_model is not None:
                rows = []
                for obj in chunk:
                    history_id += 1
                    row = history_model(
                        history_id=history_id,
                        history_date=self.history_date,
                        history_type="+",
                        history_change_reason=CHANGE_REASON,
                        **{
                            f.attname: getattr(obj, f.attname) for f in history_model.tracked_fields
                        },
                    )
                    rows.append(row)
                history_model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
            chunk.clear()

        for obj in objs:
            if first is None:
                first = obj.pk
            last = obj.pk
            chunk.append(obj)
            total += 1
            if len(chunk) >= BATCH_SIZE * 5:
                flush()
        if chunk:
            flush()
        if total:
            self._range(table, "id", first, last)
            self.written_models.append(model)
            if history_model is not None:
                self._range(history_model._meta.db_table, "history_id", first_history, history_id)
                self.written_models.append(history_model)
        self.counts[table] = self.counts.get(table, 0) + total
        return total

    def _copy(self, model, history_model, chunk, history_id: int) -> int:
        quote = connection.ops.quote_name
        spec = self._columns(model)
        columns = ", ".join(quote(column) for column, *_ in spec)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(
                f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN"
            ) as out:
                for row in chunk:
                    for _, attname, default, _, source in spec:
                        if attname not in row:
                            if source:
                                row[attname] = row.get(source[0]) or row.get(source[1]) or ""
                            else:
                                row[attname] = default
                    out.write_row(
                        [
                            convert(row[attname]) if convert else row[attname]
                            for _, attname, _, convert, _ in spec
                        ]
                    )
            if history_model is None:
                return history_id
            fixed = {
                "history_date": self.history_date,
                "history_type": "+",
                "history_change_reason": CHANGE_REASON,
                "history_user_id": None,
            }
            spec = self._columns(history_model)
            columns = ", ".join(quote(column) for column, *_ in spec)
            table = quote(history_model._meta.db_table)
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as out:
                for row in chunk:
                    history_id += 1
                    values = []
                    for _, attname, default, convert, _ in spec:
                        if attname == "history_id":
                            values.append(history_id)
                        elif attname in row:
                            value = row[attname]
                            values.append(convert(value) if convert else value)
                        else:
                            values.append(fixed.get(attname, default))
                    out.write_row(values)
        return history_id

    def _range(self, table: str, column: str, first: int, last: int) -> None:
        self.ranges.append(
            SyntheticRange(
                batch=self.batch,
                table=table,
                column=column,
                first_id=first,
                last_id=last,
                position=len(self.ranges),
            )
        )

    def finish(self) -> None:
        SyntheticRange.objects.bulk_create(self.ranges, batch_size=BATCH_SIZE)
        self.batch.counts = self.counts
        self.batch.save(update_fields=["counts"])
        advance_sequences(self.written_models)


def advance_sequences(written_models) -> None:
    """Each written table's key sequence past its largest key, never back: rows written with
    their own keys must not be handed out again, and a sequence is not transactional (another
    connection's committed rows may hold keys this transaction does not see)."""
    if connection.vendor != "postgresql":
        return  # SQLite takes the largest key + 1
    with connection.cursor() as cursor:
        for model in written_models:
            table, column = model._meta.db_table, model._meta.pk.column
            sequence = "pg_get_serial_sequence(%s, %s)"
            cursor.execute(
                f"SELECT setval({sequence}, GREATEST("
                f'(SELECT COALESCE(MAX("{column}"), 1) FROM "{table}"), nextval({sequence})))',
                [table, column, table, column],
            )


class Generator:
    def __init__(self, *, scale: float, seed: int, writer: Writer):
        self.rng = random.Random(seed)
        self.seed = seed
        self.sizes = sizes_for(scale)
        self.scale = scale
        self.w = writer

    # Helpers ---------------------------------------------------------------------------------

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def day(self, start: datetime.date = FIRST_DAY, span: int = SPAN_DAYS) -> datetime.date:
        return start + datetime.timedelta(days=self.rng.randrange(max(1, span)))

    def precision(self) -> str:
        return self.rng.choices(["day", "month", "year"], weights=[75, 15, 10])[0]

    @staticmethod
    def truncate(day: datetime.date, precision: str) -> datetime.date:
        if precision == "year":
            return day.replace(month=1, day=1)
        if precision == "month":
            return day.replace(day=1)
        return day

    def topic(self) -> tuple[str, str]:
        return self.rng.choice(V.TOPICS)

    # The run ---------------------------------------------------------------------------------

    def run(self) -> None:
        self.themes()
        self.sources()
        self.institutions()
        self.people_and_teams()
        self.partnerships()
        self.agreements()
        self.mobilities()
        self.events()
        self.source_links()
        self.thesaurus()

    def themes(self) -> None:
        first = Writer.next_id(ResearchTheme)
        self.theme_ids = list(range(first, first + len(V.THEMES)))
        self.theme_weights = [weight for *_, weight in V.THEMES]
        objs = []
        for offset, (fr, en, parent, _weight) in enumerate(V.THEMES):
            pk = first + offset
            objs.append(
                self.w.make(
                    ResearchTheme,
                    pk=pk,
                    slug=f"{slugify(en)}-s{pk}",
                    name_fr=fr,
                    name_en=en,
                    description_fr=f"Équipes et partenariats en {fr.lower()}.",
                    description_en=f"Teams and partnerships in {en.lower()}.",
                    parent_id=None if parent is None else first + parent,
                )
            )
        self.w.write(ResearchTheme, objs)

    def pick_themes(self, low: int, high: int) -> set[int]:
        count = self.rng.randint(low, high)
        return set(self.rng.choices(self.theme_ids, weights=self.theme_weights, k=count))

    def sources(self) -> None:
        first = Writer.next_id(Source)
        n = self.sizes["sources"]
        self.source_ids = list(range(first, first + n))

        def objs():
            for pk in self.source_ids:
                fr, en = self.topic()
                language = self.rng.choices(["fr", "en", "other"], weights=[60, 35, 5])[0]
                precision = self.precision()
                yield self.w.make(
                    Source,
                    pk=pk,
                    key=f"syn-{pk}",
                    title=(
                        f"Coopération internationale : {fr}"
                        if language == "fr"
                        else f"International cooperation: {en}"
                    ),
                    publisher=self.rng.choice(V.PUBLISHERS),
                    date=self.truncate(self.day(), precision),
                    date_precision=precision,
                    url=f"https://example.org/actualites/{pk}",
                    language=language,
                )

        self.w.write(Source, objs())

    def institutions(self) -> None:
        rng = self.rng
        n = self.sizes["institutions"]
        first = Writer.next_id(Institution)
        taken_ror = set(Institution.objects.exclude(ror_id="").values_list("ror_id", flat=True))
        country_weights = [weight for _, weight, _ in V.COUNTRIES]
        kinds = [
            ("university", 14),
            ("hospital", 16),
            ("research_institute", 38),
            ("company", 10),
            ("foundation", 5),
            ("funding_agency", 3),
            ("public_authority", 4),
            ("cluster", 1),
            ("network", 3),
            ("other", 6),
        ]
        ror_types = {
            "university": "education",
            "hospital": "healthcare",
            "research_institute": "facility",
            "company": "company",
            "foundation": "nonprofit",
            "funding_agency": "funder",
            "public_authority": "government",
            "network": "other",
            "cluster": "other",
            "other": "other",
        }
        self.inst: list[InstitutionInfo] = []
        by_country_kind: dict[tuple, list[int]] = defaultdict(list)

        def name(kind, country, city_fr, city_en):
            fr_topic, en_topic = self.topic()
            founder = rng.choice(V.FOUNDERS)
            unit = rng.randint(1000, 9999)
            if kind == "university":
                if rng.random() < 0.5:
                    return (
                        f"Université {de(city_fr)} {unit % 9 + 1}",
                        f"University of {city_en} {unit % 9 + 1}",
                    )
                return f"Université {founder} {de(city_fr)}", f"{founder} University of {city_en}"
            if kind == "hospital":
                return (
                    f"Centre hospitalier universitaire {de(city_fr)} – site {founder}",
                    f"{city_en} University Hospital – {founder} site",
                )
            if kind == "research_institute":
                if country == "FR":
                    return (
                        f"Centre de recherche en {fr_topic} (UMR {unit})",
                        f"Research centre in {en_topic} (UMR {unit})",
                    )
                return (
                    f"Institut {founder} de recherche en {fr_topic} {de(city_fr)}",
                    f"{founder} Institute for {en_topic} research, {city_en}",
                )
            if kind == "company":
                word = rng.choice(["Onco", "Thera", "Gene", "Cyto", "Immuno", "Bio"])
                suffix = rng.choice(["therapeutics", "diagnostics", "pharma", "genomics"])
                return (
                    f"{word}{suffix.capitalize()} {city_fr}",
                    f"{word}{suffix.capitalize()} {city_en}",
                )
            if kind == "foundation":
                return (
                    f"Fondation {founder} pour la recherche sur le cancer",
                    f"{founder} Cancer Research Foundation",
                )
            if kind == "funding_agency":
                return (
                    f"Agence de financement de la recherche {de(city_fr)}",
                    f"{city_en} Research Funding Agency",
                )
            if kind == "public_authority":
                return f"Direction de la santé {de(city_fr)}", f"{city_en} Health Authority"
            if kind == "cluster":
                return (
                    f"Pôle de compétitivité en {fr_topic} {de(city_fr)}",
                    f"{city_en} {en_topic} cluster",
                )
            if kind == "network":
                return f"Réseau {founder} en {fr_topic}", f"{founder} network on {en_topic}"
            return f"Association {founder} {de(city_fr)}", f"{founder} Association of {city_en}"

        def objs():
            for offset in range(n):
                pk = first + offset
                country, _w, cities = rng.choices(V.COUNTRIES, weights=country_weights)[0]
                city_fr, city_en, lat, lon = rng.choice(cities)
                kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
                name_fr, name_en = name(kind, country, city_fr, city_en)
                regional = country == "FR" and city_fr in V.REGIONAL_CITIES
                if regional:
                    role = "regional_member"
                elif country == "FR":
                    role = "other"
                else:
                    role = "foreign_partner"
                from_ror = not regional and rng.random() < 0.65
                acronym = ""
                if rng.random() < 0.4:
                    acronym = "".join(w[0] for w in ascii_text(name_en).split() if w[:1].isupper())[
                        :8
                    ]
                ror_id = ror_status = ror_names = rtypes = ""
                if from_ror:
                    number = (pk * 2654435761 + self.seed * 40503) % (1 << 30)
                    body = "0" + "".join(
                        CROCKFORD_BASE32[(number >> shift) & 31] for shift in (25, 20, 15, 10, 5, 0)
                    )
                    candidate = f"{body}{ror_checksum(body):02d}"
                    if candidate not in taken_ror:
                        ror_id = candidate
                        ror_status = rng.choices(["active", "inactive", "withdrawn"], [95, 3, 2])[0]
                        ror_names = " | ".join(
                            ascii_text(t) for t in {name_fr, name_en, acronym} if t
                        )
                        rtypes = ror_types[kind]
                parent_id = None
                same = by_country_kind[(country, "university")]
                if kind == "research_institute" and same and rng.random() < 0.15:
                    parent_id = rng.choice(same)
                has_coordinates = rng.random() < 0.95
                description_fr = description_en = ""
                if rng.random() < 0.3:
                    fr_topic, en_topic = self.topic()
                    description_fr = f"Établissement {de(city_fr)} engagé dans la recherche sur le cancer, notamment en {fr_topic}."
                    description_en = (
                        f"Institution in {city_en} working on cancer research, notably {en_topic}."
                    )
                info = InstitutionInfo(pk, country, city_fr, name_fr, name_en, regional)
                self.inst.append(info)
                if kind == "university":
                    same.append(pk)
                yield self.w.make(
                    Institution,
                    pk=pk,
                    slug=f"{slugify(ascii_text(name_fr))[:100]}-s{pk}",
                    name_fr=name_fr,
                    name_en=name_en,
                    acronym=acronym,
                    kind=kind,
                    network_role=role,
                    parent_id=parent_id,
                    description_fr=description_fr,
                    description_en=description_en,
                    country=country,
                    city_fr=city_fr,
                    city_en=city_en,
                    latitude=round(lat + rng.uniform(-0.08, 0.08), 5) if has_coordinates else None,
                    longitude=round(lon + rng.uniform(-0.08, 0.08), 5) if has_coordinates else None,
                    website=f"https://www.{slugify(ascii_text(acronym or name_en))[:40]}-{pk}.example.org"
                    if rng.random() < 0.5
                    else "",
                    founded_year=rng.randint(1850, 2020) if rng.random() < 0.4 else None,
                    ror_id=ror_id,
                    source="ror" if ror_id else "clara",
                    ror_status=ror_status,
                    ror_types=rtypes,
                    ror_names=ror_names,
                    ror_fields=["name", "country", "city", "website"] if ror_id else [],
                )

        # Teams go to universities, hospitals and institutes; a few hold hundreds of them.
        self.team_hosts: list[int] = []
        self.team_host_weights: list[float] = []
        giants = max(1, round(10 * self.scale))

        def with_weights():
            for obj in objs():
                if obj.kind in ("university", "hospital", "research_institute"):
                    self.team_hosts.append(len(self.inst) - 1)
                    weight = (
                        800.0
                        if len(self.team_hosts) <= giants
                        else min(rng.paretovariate(1.2), 250.0)
                    )
                    self.team_host_weights.append(weight)
                yield obj

        self.w.write(Institution, with_weights())
        self.regional = [i for i, info in enumerate(self.inst) if info.regional] or [0]
        self.foreign = [i for i, info in enumerate(self.inst) if info.country != "FR"] or [0]

    def people_and_teams(self) -> None:
        rng = self.rng
        n_teams, n_people = self.sizes["teams"], self.sizes["people"]
        first_team, first_person = Writer.next_id(Team), Writer.next_id(Person)
        team_inst = rng.choices(self.team_hosts, weights=self.team_host_weights, k=n_teams)
        self.teams_of: dict[int, list[int]] = defaultdict(list)
        for offset, index in enumerate(team_inst):
            self.teams_of[index].append(first_team + offset)
        leaders: dict[int, int] = {}
        self.person_ids = list(range(first_person, first_person + n_people))
        self.public_people: list[int] = []

        def people():
            for pk in self.person_ids:
                first_name = rng.choice(V.FIRST_NAMES)
                last_name = rng.choice(V.LAST_NAMES)
                if rng.random() < 0.1:
                    last_name = f"{last_name}-{rng.choice(V.LAST_NAMES)}"
                team_offset = rng.randrange(n_teams) if rng.random() < 0.55 else None
                if team_offset is not None:
                    team_id = first_team + team_offset
                    affiliation = self.inst[team_inst[team_offset]].pk
                    if team_id not in leaders and rng.random() < 0.85:
                        leaders[team_id] = pk
                else:
                    team_id = None
                    affiliation = rng.choice(self.inst).pk if rng.random() < 0.8 else None
                orcid = ""
                if rng.random() < 0.3:
                    digits = f"{(pk * 7919 + 1000) % 10**15:015d}"
                    # Beyond the range ORCID hands out (0000-0001 to 0000-0003): no real iD.
                    digits = "0009" + digits[4:]
                    check = orcid_check_digit(digits)
                    orcid = f"{digits[:4]}-{digits[4:8]}-{digits[8:12]}-{digits[12:15]}{check}"
                role_fr, role_en = rng.choice(V.ROLES) if rng.random() < 0.7 else ("", "")
                is_public = rng.random() < 0.6
                if is_public:
                    self.public_people.append(pk)
                yield self.w.make(
                    Person,
                    pk=pk,
                    slug=f"{slugify(ascii_text(f'{first_name} {last_name}'))}-s{pk}",
                    first_name=first_name,
                    last_name=last_name,
                    title=rng.choice(V.TITLES),
                    role_fr=role_fr,
                    role_en=role_en,
                    affiliation_id=affiliation,
                    team_id=team_id,
                    orcid=orcid,
                    email=f"{slugify(ascii_text(first_name))}.{slugify(ascii_text(last_name))}.{pk}@example.org"
                    if rng.random() < 0.8
                    else "",
                    is_public=is_public,
                )

        self.w.write(Person, people())
        if not self.public_people:
            self.public_people = self.person_ids[:1]

        theme_rows = []

        def teams():
            for offset, index in enumerate(team_inst):
                pk = first_team + offset
                info = self.inst[index]
                fr, en = self.topic()
                surname = rng.choice(V.LAST_NAMES)
                if rng.random() < 0.5:
                    name_fr, name_en = f"Équipe {surname} – {fr}", f"{surname} team – {en}"
                else:
                    name_fr, name_en = (
                        f"Laboratoire de {fr} ({offset % 97 + 1})",
                        f"{en.capitalize()} laboratory ({offset % 97 + 1})",
                    )
                description = rng.random() < 0.6
                for theme in self.pick_themes(1, 2):
                    theme_rows.append((pk, theme))
                yield self.w.make(
                    Team,
                    pk=pk,
                    slug=f"{slugify(ascii_text(name_en))[:100]}-s{pk}",
                    name_fr=name_fr,
                    name_en=name_en,
                    institution_id=info.pk,
                    leader_id=leaders.get(pk),
                    description_fr=f"Recherche sur le cancer : {fr}, de la biologie à la clinique."
                    if description
                    else "",
                    description_en=f"Cancer research: {en}, from biology to the clinic."
                    if description
                    else "",
                    website="",
                )

        self.w.write(Team, teams())
        self.write_m2m(Team.themes.through, "team_id", "researchtheme_id", theme_rows)

    # Thesaurus -------------------------------------------------------------------------------

    RICH_EVERY = 50  # one concept in this many has about twenty terms
    VARIANTS = [
        ("précoce", "early"),
        ("avancé", "advanced"),
        ("métastatique", "metastatic"),
        ("récidivant", "recurrent"),
        ("héréditaire", "hereditary"),
        ("de l'enfant", "paediatric"),
        ("résistant", "resistant"),
        ("rare", "rare"),
    ]

    def thesaurus(self) -> None:
        """`concepts` concepts: first one per topic (its French and English names, and twenty
        terms for the topic of "hépatocarcinome"), then variants narrower than a topic, each
        with its two preferred terms and one to three synonyms, one in RICH_EVERY with about
        twenty. So that a query naming a topic expands through hundreds of narrower concepts
        (bounded by thesaurus.selectors.ALTERNATIVES)."""
        count = self.sizes["concepts"]
        first = Writer.next_id(Concept)
        topics = V.TOPICS[: min(len(V.TOPICS), count)]
        concepts, terms, broader, themes = [], [], [], []
        term_pk = Writer.next_id(Term)

        def term(concept_pk: int, text: str, language: str, kind: str, seen: set) -> None:
            nonlocal term_pk
            key = normalize(text)
            if key in seen:
                return
            seen.add(key)
            terms.append(
                self.w.make(
                    Term,
                    pk=term_pk,
                    concept_id=concept_pk,
                    text=text,
                    normalized=key,
                    language=language,
                    kind=kind,
                )
            )
            term_pk += 1

        for offset in range(count):
            pk = first + offset
            seen: set = set()
            if offset < len(topics):
                fr, en = topics[offset]
                rich = en == "hepatocellular carcinoma"
            else:
                topic_fr, topic_en = topics[offset % len(topics)]
                variant_fr, variant_en = self.VARIANTS[(offset // len(topics)) % len(self.VARIANTS)]
                fr = f"{topic_fr} {variant_fr} {offset}"
                en = f"{variant_en} {topic_en} {offset}"
                rich = offset % self.RICH_EVERY == 0
                broader.append((pk, first + offset % len(topics)))
            concepts.append(
                self.w.make(
                    Concept,
                    pk=pk,
                    slug=f"{slugify(en)[:100]}-s{pk}",
                    name_fr=fr,
                    name_en=en,
                    scope_note_fr="",
                    scope_note_en="",
                    source="synthetic",
                )
            )
            term(pk, fr, "fr", "preferred", seen)
            term(pk, en, "en", "preferred", seen)
            synonyms = 20 if rich else self.rng.randint(1, 3)
            for number in range(synonyms):
                language = "fr" if number % 2 else "en"
                base = fr if language == "fr" else en
                term(pk, f"{base} forme {number}", language, "synonym", seen)
            if self.theme_ids and self.chance(0.3):
                themes.append((pk, self.rng.choice(self.theme_ids)))
        self.w.write(Concept, concepts)
        self.w.write(Term, terms)
        self.write_m2m(Concept.broader.through, "from_concept_id", "to_concept_id", broader)
        self.write_m2m(Concept.themes.through, "concept_id", "researchtheme_id", themes)

    def write_m2m(self, through, left: str, right: str, rows) -> None:
        first = Writer.next_id(through)
        self.w.write(
            through,
            (
                self.w.make(through, pk=first + offset, **{left: a, right: b})
                for offset, (a, b) in enumerate(rows)
            ),
            history=False,
        )

    def partnerships(self) -> None:
        rng = self.rng
        n = self.sizes["partnerships"]
        first = Writer.next_id(Partnership)
        self.partnership_ids = list(range(first, first + n))
        self.members_of: dict[int, list[int]] = {}
        members, themes, coordinators, figures = [], [], [], []
        kinds = [
            ("bilateral_programme", 20),
            ("cluster_partnership", 8),
            ("european_project", 20),
            ("network", 10),
            ("research_collaboration", 35),
            ("delegation_visit", 4),
            ("event_series", 3),
        ]
        statuses = [
            ("planned", 5),
            ("active", 45),
            ("completed", 35),
            ("suspended", 5),
            ("unknown", 10),
        ]
        n_inst = len(self.inst)
        large = max(1, round(n * 0.03))

        def objs():
            for offset, pk in enumerate(self.partnership_ids):
                if offset < large:
                    size = min(n_inst - 1, rng.randint(100, 700))
                else:
                    size = min(n_inst - 1, int(math.exp(rng.uniform(math.log(2), math.log(31)))))
                size = max(2, size)
                chosen = rng.sample(range(n_inst), size)
                if rng.random() < 0.8:
                    regional = rng.choice(self.regional)
                    if regional not in chosen:
                        chosen[0] = regional
                member_pks = []
                for position, index in enumerate(chosen):
                    if position == 0:
                        role = "coordinator"
                    else:
                        role = rng.choices(
                            ["partner", "funder", "supporter", "host"], weights=[82, 10, 5, 3]
                        )[0]
                    note = rng.random() < 0.05
                    members.append(
                        (
                            pk,
                            self.inst[index].pk,
                            role,
                            "Membre fondateur" if note else "",
                            "Founding member" if note else "",
                        )
                    )
                    member_pks.append(self.inst[index].pk)
                self.members_of[pk] = member_pks
                countries = sorted({self.inst[i].country for i in chosen} - {"FR"})
                kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
                fr, en = self.topic()
                word_fr, word_en = rng.choice(V.PARTNERSHIP_WORDS)
                acronym = f"{ascii_text(en).split()[0][:5].upper()}-{offset % 89 + 1}"
                foreign = countries[0] if countries else None
                if kind == "bilateral_programme" and foreign in V.COUNTRY_ADJECTIVES:
                    adj_fr, adj_en = V.COUNTRY_ADJECTIVES[foreign]
                    name_fr = (
                        f"{word_fr} franco-{adj_fr} sur {'les' if fr.endswith('s') else 'le'} {fr}"
                    )
                    name_en = f"Franco-{adj_en} {word_en.lower()} on {en}"
                elif offset < large:
                    name_fr = f"{word_fr} international {acronym} en {fr}"
                    name_en = f"{acronym} international {word_en.lower()} in {en}"
                else:
                    name_fr = f"{word_fr} {acronym} : {fr}"
                    name_en = f"{word_en} {acronym}: {en}"
                status = rng.choices([s for s, _ in statuses], weights=[w for _, w in statuses])[0]
                start_precision = self.precision()
                start = (
                    self.truncate(self.day(span=SPAN_DAYS - 700), start_precision)
                    if rng.random() < 0.9
                    else None
                )
                end = None
                end_precision = "day"
                if start and status == "completed":
                    end_precision = self.precision()
                    end = self.truncate(
                        start + datetime.timedelta(days=rng.randint(365, 6 * 365)), end_precision
                    )
                    end = max(end, start)
                is_public = rng.random() < 0.9
                described = rng.random() < 0.7
                for theme in self.pick_themes(1, 3):
                    themes.append((pk, theme))
                for person in set(
                    rng.sample(self.person_ids, min(len(self.person_ids), rng.randint(0, 2)))
                ):
                    coordinators.append((pk, person))
                if rng.random() < 0.15:
                    for position in range(rng.randint(1, 3)):
                        figures.append((pk, position))
                yield self.w.make(
                    Partnership,
                    pk=pk,
                    slug=f"{slugify(ascii_text(name_en))[:100]}-s{pk}",
                    name_fr=name_fr,
                    name_en=name_en,
                    acronym=acronym,
                    kind=kind,
                    status=status,
                    start_date=start,
                    start_precision=start_precision,
                    end_date=end,
                    end_precision=end_precision,
                    summary_fr=f"Coopération internationale en {fr} entre {size} établissements.",
                    summary_en=f"International cooperation in {en} between {size} institutions.",
                    description_fr=(
                        f"Ce partenariat réunit chercheurs, cliniciens et entreprises autour "
                        f"{'des' if fr.endswith('s') else 'du thème'} {fr} : projets communs, "
                        "échanges de jeunes chercheurs et colloques alternés."
                    )
                    if described
                    else "",
                    description_en=(
                        f"This partnership brings researchers, clinicians and companies together "
                        f"on {en}: joint projects, exchanges of early-career researchers and "
                        "alternating symposia."
                    )
                    if described
                    else "",
                    countries=",".join(countries),
                    is_public=is_public,
                    is_featured=is_public and rng.random() < 0.01,
                )

        self.w.write(Partnership, objs())
        first_member = Writer.next_id(PartnershipMember)
        seen = set()
        member_objs = []
        for partnership, institution, role, note_fr, note_en in members:
            if (partnership, institution, role) in seen:
                continue
            seen.add((partnership, institution, role))
            member_objs.append(
                self.w.make(
                    PartnershipMember,
                    pk=first_member + len(member_objs),
                    partnership_id=partnership,
                    institution_id=institution,
                    role=role,
                    note_fr=note_fr,
                    note_en=note_en,
                )
            )
        self.w.write(PartnershipMember, member_objs)
        self.write_m2m(Partnership.themes.through, "partnership_id", "researchtheme_id", themes)
        self.write_m2m(
            Partnership.coordinators.through, "partnership_id", "person_id", coordinators
        )
        first_figure = Writer.next_id(KeyFigure)
        labels = [
            ("co-publications", "co-publications", ""),
            ("chercheurs impliqués", "researchers involved", ""),
            ("financement obtenu", "funding obtained", "k€"),
        ]
        figure_objs = []
        for offset, (partnership, position) in enumerate(figures):
            label_fr, label_en, unit = labels[position % 3]
            year = rng.randint(2008, 2025)
            figure_objs.append(
                self.w.make(
                    KeyFigure,
                    pk=first_figure + offset,
                    partnership_id=partnership,
                    value=rng.randint(3, 900),
                    is_minimum=rng.random() < 0.2,
                    unit_fr=unit,
                    unit_en=unit,
                    label_fr=label_fr,
                    label_en=label_en,
                    period_start=year,
                    period_end=year + rng.randint(0, 5),
                    source_fr="Rapport d'activité",
                    source_en="Activity report",
                    position=position,
                )
            )
        self.w.write(KeyFigure, figure_objs)

    def agreements(self) -> None:
        rng = self.rng
        n = self.sizes["agreements"]
        first = Writer.next_id(Agreement)
        self.agreement_ids = list(range(first, first + n))
        kinds = [
            ("mou", 20),
            ("framework", 20),
            ("partnership", 25),
            ("collaboration", 15),
            ("consortium", 5),
            ("material_transfer", 6),
            ("data_sharing", 6),
            ("other", 3),
        ]
        kind_fr = {
            "mou": ("Protocole d'accord", "memorandum of understanding"),
            "framework": ("Accord-cadre", "framework agreement"),
            "partnership": ("Accord de partenariat", "partnership agreement"),
            "collaboration": (
                "Accord de collaboration de recherche",
                "research collaboration agreement",
            ),
            "consortium": ("Accord de consortium", "consortium agreement"),
            "material_transfer": ("Accord de transfert de matériel", "material transfer agreement"),
            "data_sharing": ("Accord de partage de données", "data sharing agreement"),
            "other": ("Convention", "agreement"),
        }
        statuses = [
            ("draft", 5),
            ("negotiation", 8),
            ("signed", 20),
            ("in_force", 35),
            ("expired", 25),
            ("terminated", 7),
        ]
        inst_by_pk = {info.pk: info for info in self.inst}
        parties, commitments, themes = [], [], []
        consortia = max(1, round(10 * self.scale))
        successor_of: dict[int, int] = {}
        last_of_partnership: dict[int, int] = {}

        def objs():
            for offset, pk in enumerate(self.agreement_ids):
                partnership = rng.choice(self.partnership_ids) if rng.random() < 0.8 else None
                if offset < consortia:
                    pool = [
                        info.pk
                        for info in rng.sample(
                            self.inst, min(len(self.inst), rng.randint(100, 150))
                        )
                    ]
                    kind = "consortium"
                else:
                    pool = self.members_of.get(partnership) or []
                    count = rng.randint(2, 4)
                    if len(pool) >= count:
                        pool = rng.sample(pool, count)
                    else:
                        pool = list(
                            dict.fromkeys(pool + [info.pk for info in rng.sample(self.inst, count)])
                        )[:count]
                    kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
                status = rng.choices([s for s, _ in statuses], weights=[w for _, w in statuses])[0]
                signed = status in ("signed", "in_force", "expired", "terminated")
                signed_precision = self.precision()
                signed_on = None
                if signed and rng.random() < 0.9:
                    if status in ("signed", "in_force"):
                        base = self.day(
                            datetime.date(2018, 1, 1), (ANCHOR - datetime.date(2018, 1, 1)).days
                        )
                    else:
                        base = self.day(span=(datetime.date(2022, 1, 1) - FIRST_DAY).days)
                    signed_on = self.truncate(base, signed_precision)
                start = end = None
                if signed_on:
                    start = signed_on + datetime.timedelta(days=rng.randint(0, 90))
                    years = rng.randint(3, 5)
                    end = start + datetime.timedelta(days=365 * years)
                    if status == "in_force" and end < ANCHOR:
                        end = ANCHOR + datetime.timedelta(days=rng.randint(30, 3 * 365))
                    if status == "expired" and end >= ANCHOR:
                        end = ANCHOR - datetime.timedelta(days=rng.randint(1, 365))
                        start = min(start, end)
                a, b = inst_by_pk[pool[0]], inst_by_pk[pool[1]]
                word_fr, word_en = kind_fr[kind]
                if kind == "consortium":
                    title_fr = f"{word_fr} du réseau international n° {offset + 1}"
                    title_en = f"International network {word_en} no. {offset + 1}"
                else:
                    title_fr = f"{word_fr} {a.name_fr} – {b.name_fr}"[:255]
                    title_en = f"{a.name_en} – {b.name_en} {word_en}"[:255]
                year = (signed_on or start or self.day()).year
                if partnership is not None:
                    previous = last_of_partnership.get(partnership)
                    if previous is not None and previous not in successor_of and rng.random() < 0.1:
                        successor_of[previous] = pk
                    last_of_partnership[partnership] = pk
                for position, institution in enumerate(pool):
                    parties.append(
                        (
                            pk,
                            institution,
                            position,
                            signed_on,
                            rng.choice(self.person_ids) if rng.random() < 0.3 else None,
                        )
                    )
                for position in range(rng.randint(0, 3)):
                    ckind, cfr, cen = rng.choice(V.COMMITMENTS)
                    fr, en = self.topic()
                    commitments.append((pk, ckind, cfr.format(fr=fr), cen.format(en=en), position))
                for theme in self.pick_themes(0, 2):
                    themes.append((pk, theme))
                yield self.w.make(
                    Agreement,
                    pk=pk,
                    reference=f"SYN-{year}-{pk:06d}",
                    slug=f"syn-{year}-{pk}",
                    title_fr=title_fr,
                    title_en=title_en,
                    kind=kind,
                    status=status,
                    partnership_id=partnership,
                    summary_fr=f"{word_fr} signé entre {a.name_fr} et {b.name_fr}."
                    if rng.random() < 0.5
                    else "",
                    summary_en=f"{word_en.capitalize()} between {a.name_en} and {b.name_en}.",
                    signed_on=signed_on,
                    signed_precision=signed_precision if signed_on else "day",
                    signed_place=a.city_fr if signed_on and rng.random() < 0.5 else "",
                    start_date=start,
                    end_date=end,
                    renewal_notice_days=rng.choice([90, 180]) if rng.random() < 0.4 else None,
                    is_confidential=rng.random() < 0.25,
                    is_public=True,
                )

        agreement_objs = list(objs())
        for obj in agreement_objs:
            obj.successor_id = successor_of.get(obj.pk)
        self.w.write(Agreement, agreement_objs)
        first_party = Writer.next_id(AgreementParty)
        self.w.write(
            AgreementParty,
            (
                self.w.make(
                    AgreementParty,
                    pk=first_party + offset,
                    agreement_id=agreement,
                    institution_id=institution,
                    position=position,
                    signed_on=signed_on,
                    signatory_id=signatory,
                )
                for offset, (agreement, institution, position, signed_on, signatory) in enumerate(
                    parties
                )
            ),
        )
        first_commitment = Writer.next_id(AgreementCommitment)
        self.w.write(
            AgreementCommitment,
            (
                self.w.make(
                    AgreementCommitment,
                    pk=first_commitment + offset,
                    agreement_id=agreement,
                    kind=kind,
                    description_fr=fr,
                    description_en=en,
                    position=position,
                )
                for offset, (agreement, kind, fr, en, position) in enumerate(commitments)
            ),
        )
        self.write_m2m(Agreement.themes.through, "agreement_id", "researchtheme_id", themes)

    def mobilities(self) -> None:
        rng = self.rng
        n = self.sizes["mobilities"]
        first = Writer.next_id(MobilityExchange)
        categories = [
            ("master", 15),
            ("phd", 25),
            ("postdoc", 20),
            ("researcher", 20),
            ("physician", 8),
            ("resident", 5),
            ("engineer", 4),
            ("staff", 3),
        ]

        def team_of(index):
            teams = self.teams_of.get(index)
            return rng.choice(teams) if teams and rng.random() < 0.4 else None

        def objs():
            for offset in range(n):
                direction = "outgoing" if rng.random() < 0.55 else "incoming"
                regional, foreign = rng.choice(self.regional), rng.choice(self.foreign)
                home, host = (regional, foreign) if direction == "outgoing" else (foreign, regional)
                if home == host:
                    host = (host + 1) % len(self.inst)
                has_home = rng.random() < 0.9
                start = self.day()
                end = start + datetime.timedelta(days=rng.randint(30, 720))
                if end < ANCHOR:
                    status = "completed" if rng.random() < 0.85 else "cancelled"
                elif start > ANCHOR:
                    status = "planned" if rng.random() < 0.6 else "confirmed"
                else:
                    status = "under_way"
                actual_start = actual_end = None
                if status in ("completed", "under_way"):
                    actual_start = start + datetime.timedelta(days=rng.randint(0, 20))
                    if status == "completed":
                        actual_end = max(
                            actual_start, end + datetime.timedelta(days=rng.randint(-15, 15))
                        )
                funded = rng.random() < 0.3
                founder = rng.choice(V.FOUNDERS)
                yield self.w.make(
                    MobilityExchange,
                    pk=first + offset,
                    person_id=rng.choice(self.person_ids) if rng.random() < 0.75 else None,
                    category=rng.choices(
                        [c for c, _ in categories], weights=[w for _, w in categories]
                    )[0],
                    direction=direction,
                    home_institution_id=self.inst[home].pk if has_home else None,
                    home_team_id=team_of(home) if has_home else None,
                    host_institution_id=self.inst[host].pk,
                    host_team_id=team_of(host),
                    partnership_id=rng.choice(self.partnership_ids)
                    if rng.random() < 0.35
                    else None,
                    agreement_id=rng.choice(self.agreement_ids) if rng.random() < 0.15 else None,
                    planned_start=start,
                    planned_end=end,
                    actual_start=actual_start,
                    actual_end=actual_end,
                    funding_fr=f"Bourse {founder}" if funded else "",
                    funding_en=f"{founder} fellowship" if funded else "",
                    funder_id=rng.choice(self.inst).pk if rng.random() < 0.2 else None,
                    status=status,
                    description_fr="Séjour de recherche dans l'équipe d'accueil."
                    if rng.random() < 0.2
                    else "",
                    description_en="Research stay in the host team.",
                )

        def checked():
            for obj in objs():
                if obj.funder_id is not None and obj.funder_id == obj.host_institution_id:
                    obj.funder_id = None
                yield obj

        self.w.write(MobilityExchange, checked())

    def events(self) -> None:
        rng = self.rng
        n = self.sizes["events"]
        first = Writer.next_id(Event)
        kinds = list(V.EVENT_WORDS)
        organisers, participants = [], []

        def objs():
            for offset in range(n):
                pk = first + offset
                kind = rng.choices(kinds, weights=[15, 25, 10, 10, 5, 20, 15])[0]
                word_fr, word_en = V.EVENT_WORDS[kind]
                fr, en = self.topic()
                host = rng.choice(self.inst)
                precision = self.precision()
                start = self.truncate(self.day(), precision) if rng.random() < 0.97 else None
                end = None
                if start and precision == "day" and rng.random() < 0.5:
                    end = start + datetime.timedelta(days=rng.randint(1, 3))
                year = start.year if start else ""
                venue = rng.choice(V.VENUES) if rng.random() < 0.5 else ("", "")
                for institution in {rng.choice(self.inst).pk for _ in range(rng.randint(1, 3))}:
                    organisers.append((pk, institution))
                for position, person in enumerate(
                    set(rng.sample(self.person_ids, min(len(self.person_ids), rng.randint(0, 4))))
                ):
                    participants.append((pk, person, position))
                title_fr = f"{word_fr} – {fr} {year}".strip()
                title_en = f"{word_en} – {en} {year}".strip()
                yield self.w.make(
                    Event,
                    pk=pk,
                    slug=f"{slugify(ascii_text(title_en))[:100]}-s{pk}",
                    title_fr=title_fr,
                    title_en=title_en,
                    kind=kind,
                    start_date=start,
                    end_date=end,
                    date_precision=precision,
                    venue_fr=venue[0],
                    venue_en=venue[1],
                    city_fr=host.city_fr,
                    city_en=host.city_fr,
                    country=host.country,
                    partnership_id=rng.choice(self.partnership_ids) if rng.random() < 0.5 else None,
                    description_fr=f"Rencontre consacrée {'aux' if fr.endswith('s') else 'au thème'} {fr} : exposés, posters et table ronde."
                    if rng.random() < 0.5
                    else "",
                    description_en=f"Meeting on {en}: talks, posters and a round table.",
                    is_public=rng.random() < 0.9,
                )

        self.w.write(Event, objs())
        self.write_m2m(Event.organisers.through, "event_id", "institution_id", organisers)
        first_participant = Writer.next_id(EventParticipant)
        self.w.write(
            EventParticipant,
            (
                self.w.make(
                    EventParticipant,
                    pk=first_participant + offset,
                    event_id=event,
                    person_id=person,
                    position=position,
                    role_fr="a présenté ses travaux",
                    role_en="presented their work",
                )
                for offset, (event, person, position) in enumerate(participants)
            ),
        )
        self.event_ids = list(range(first, first + n))

    def source_links(self) -> None:
        rng = self.rng
        first = Writer.next_id(SourceLink)
        targets = [
            (ContentType.objects.get_for_model(Partnership).pk, self.partnership_ids, 1.0, 2),
            (ContentType.objects.get_for_model(Agreement).pk, self.agreement_ids, 0.5, 1),
            (ContentType.objects.get_for_model(Event).pk, self.event_ids, 0.6, 1),
        ]

        def objs():
            pk = first
            for content_type, ids, share, most in targets:
                for object_id in ids:
                    if rng.random() >= share:
                        continue
                    count = min(len(self.source_ids), rng.randint(1, most))
                    for position, source in enumerate(rng.sample(self.source_ids, count)):
                        yield self.w.make(
                            SourceLink,
                            pk=pk,
                            source_id=source,
                            content_type_id=content_type,
                            object_id=object_id,
                            position=position,
                        )
                        pk += 1

        self.w.write(SourceLink, objs())


@transaction.atomic
def generate(
    *, scale: float = 0.001, seed: int = 1, allow_with_dataset: bool = False
) -> SyntheticBatch:
    """Write one batch of synthetic records; returns it (its `counts` per table)."""
    if scale <= 0:
        raise ValueError("The scale must be positive.")
    if not allow_with_dataset and holds_clara_dataset():
        raise DatasetPresent(
            "This database holds the CLARA dataset: synthetic records would mix with it. "
            "Use an empty database, or allow it explicitly (--allow-with-dataset)."
        )
    batch = SyntheticBatch.objects.create(scale=scale, seed=seed)
    writer = Writer(batch)
    # The untranslated columns (name, title…) hold the default language, as the loader's.
    with translation.override("fr"):
        Generator(scale=scale, seed=seed, writer=writer).run()
    writer.finish()
    bump_content_version(withdrawn=False)  # bulk writes send no signal: pages and figures are stale
    return batch
