"""Reads of the ROR directory: proposing a ROR organisation for CLARA institutions."""

import difflib
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from core.languages import localized, localized_in
from core.text import fold, folded_aliases, similar_names_q

from .models import Institution, RorStatus
from .ror import ROR_LANGUAGE

# A name shared by more directory rows than this is too common to find candidates by.
COMMON_WORD = 1500
AUTO_APPLY = 0.85  # confidence at or above which a unique match is applied by --apply
MARGIN = 0.1  # ... when the runner-up is at least this much lower
PROPOSE = 0.5  # below, not even proposed
ACRONYM_SCORE = 0.6
CONTAINED_SCORE = 0.85  # one name is the other plus words (“Université Jean Monnet Saint-Étienne”)
SURE_NAME = 0.85  # name score needed for a match to be applied without review
NEARBY_KM = 30  # a campus in the next town counts as the same city


def normalise(text: str) -> str:
    """Lower case, no accents, punctuation as spaces: “Québec – Santé” -> “quebec sante”."""
    return " ".join(re.findall(r"\w+", fold(text)))


@dataclass
class Candidate:
    pk: int
    ror_id: str
    name: str
    country: str
    city: str
    status: str
    city_name: str = ""
    latitude: float | None = None
    longitude: float | None = None
    names: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)


@dataclass
class Proposal:
    institution: Institution
    candidate: Candidate
    confidence: float
    reasons: str
    name_score: float = 0.0

    @property
    def ror_id(self) -> str:
        return self.candidate.ror_id


@dataclass
class MatchResult:
    institution: Institution
    proposals: list[Proposal]

    @property
    def best(self) -> Proposal | None:
        return self.proposals[0] if self.proposals else None

    @property
    def unique_high_confidence(self) -> bool:
        """Sure enough to apply without review: high confidence, a (nearly) identical name, and
        no rival with as good a name within MARGIN (an exact name beats similar ones)."""
        best = self.best
        if best is None or best.confidence < AUTO_APPLY or best.name_score < SURE_NAME:
            return False
        return not any(
            other.name_score >= best.name_score - 0.05
            and round(best.confidence - other.confidence, 3) < MARGIN
            for other in self.proposals[1:]
        )


def likely_duplicates(*, names: list[str], country: str, exclude_pk=None, limit: int = 5):
    """Institutions the one being entered may be: the same name (or a ROR name or alias)
    anywhere, or a similar name in the same country. A few at most, through the trigram
    indexes on names (and the country's index for ROR's aliases)."""
    columns = localized("name")
    names = [name for name in names if name]
    if not names:
        return []
    condition = Q()
    for name in names:
        for column in columns:
            condition |= Q(**{f"_folded_{column}": fold(name)})
    if country:
        similar = similar_names_q(names, columns) or Q()
        for name in names:
            similar |= Q(ror_names__contains=fold(name))
        condition |= Q(country=country) & similar
    found = Institution.objects.light().alias(**folded_aliases(columns)).filter(condition)
    return list(found.exclude(pk=exclude_pk).order_by("pk")[:limit])


def _values(institution: Institution, field: str) -> list[str]:
    """`field` in every content language, ROR's own language (English) first."""
    first = localized_in(ROR_LANGUAGE, field)
    return [
        getattr(institution, c) for c in first + [c for c in localized(field) if c not in first]
    ]


def _candidates() -> list[Candidate]:
    rows = (
        Institution.objects.filter(source=Institution.Source.ROR)
        .exclude(ror_id="")
        .order_by("ror_id")  # the same proposals from run to run
        .values_list(
            "pk",
            "ror_id",
            *localized_in(ROR_LANGUAGE, "name"),
            "country",
            *localized_in(ROR_LANGUAGE, "city"),
            "ror_status",
            "latitude",
            "longitude",
            "ror_record",
        )
        .iterator(chunk_size=2000)
    )
    found = []
    for pk, ror_id, name, country, city, status, latitude, longitude, record in rows:
        candidate = Candidate(
            pk,
            ror_id,
            name or "",
            country or "",
            normalise(city or ""),
            status,
            city or "",
            None if latitude is None else float(latitude),
            None if longitude is None else float(longitude),
        )
        for item in (record or {}).get("names") or []:
            value = normalise(str(item.get("value") or ""))
            if not value:
                continue
            if "acronym" in (item.get("types") or []):
                candidate.acronyms.add(value)
            else:
                candidate.names.add(value)
        found.append(candidate)
    return found


def _city_score(mine: str, theirs: str) -> tuple[float, str]:
    if not mine or not theirs:
        return 0.05, ""
    if mine == theirs or f" {theirs} " in f" {mine} " or f" {mine} " in f" {theirs} ":
        return 0.15, "same city"
    return 0.0, ""


def _distance_km(institution: Institution, candidate: Candidate) -> float | None:
    if not institution.has_coordinates or candidate.latitude is None:
        return None
    lat1, lon1 = (
        math.radians(float(institution.latitude)),
        math.radians(float(institution.longitude)),
    )
    lat2, lon2 = math.radians(candidate.latitude), math.radians(candidate.longitude)
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371 * math.asin(math.sqrt(h))


def _name_score(names: set[str], acronym: str, candidate: Candidate) -> tuple[float, str]:
    if names & candidate.names:
        return 1.0, "same name"
    best, why = 0.0, ""
    for mine in names:
        for theirs in candidate.names:
            if len(theirs.split()) >= 2 and f" {theirs} " in f" {mine} ":
                ratio = max(CONTAINED_SCORE, difflib.SequenceMatcher(None, mine, theirs).ratio())
            else:
                ratio = difflib.SequenceMatcher(None, mine, theirs).ratio()
            if ratio > best:
                best, why = ratio, f"similar name ({ratio:.0%})"
    if acronym and acronym in candidate.acronyms and best < ACRONYM_SCORE:
        return ACRONYM_SCORE, "same acronym"
    return best, why


def propose_ror_matches(institutions: QuerySet | None = None) -> list[MatchResult]:
    """For each institution without a ROR id, the directory organisations that may be it, best
    first, with a confidence in [0, 1]: names (all languages, acronyms, aliases; accents and case
    ignored) weigh 0.6, the same country 0.25, the same city 0.15; another country halves it."""
    if institutions is None:
        institutions = Institution.objects.filter(ror_id="", source=Institution.Source.CLARA)
    candidates = _candidates()
    index: dict[str, list[int]] = defaultdict(list)
    for position, candidate in enumerate(candidates):
        for word in {w for name in candidate.names | candidate.acronyms for w in name.split()}:
            index[word].append(position)
    results = []
    for institution in institutions:
        names = {normalise(n) for n in _values(institution, "name") if n} - {""}
        acronym = normalise(institution.acronym or "")
        words = {w for name in names for w in name.split()} | ({acronym} if acronym else set())
        overlap: dict[int, int] = defaultdict(int)
        for word in words:
            postings = index.get(word, [])
            if len(postings) <= COMMON_WORD:
                for position in postings:
                    overlap[position] += 1
        word_sets = [set(name.split()) for name in names]

        def likeness(position: int, word_sets=word_sets) -> float:
            """Cheap pre-score (shared words over all words) to shortlist the candidates."""
            return max(
                (
                    len(mine & set(theirs.split())) / len(mine | set(theirs.split()))
                    for mine in word_sets
                    for theirs in candidates[position].names
                ),
                default=0.0,
            )

        shortlist = sorted(overlap, key=lambda p: (-likeness(p), p))[:40]
        proposals = []
        country = str(institution.country or "")
        cities = _values(institution, "city")
        city = normalise(" ".join(c or "" for c in cities).strip())
        for position in shortlist:
            candidate = candidates[position]
            score, why = _name_score(names, acronym, candidate)
            if score < 0.75 and why != "same acronym":
                continue
            reasons = [why]
            confidence = 0.6 * score
            if country and candidate.country == country:
                confidence += 0.25
                reasons.append("same country")
            elif country and candidate.country:
                confidence *= 0.5
                reasons.append("other country")
            city_score, city_why = _city_score(normalise(cities[0] or "") or city, candidate.city)
            for other in cities[1:]:
                if city_score == 0.0 and other:
                    city_score, city_why = _city_score(normalise(other), candidate.city)
            if city_score < 0.15:
                distance = _distance_km(institution, candidate)
                if distance is not None and distance <= NEARBY_KM:
                    city_score, city_why = 0.15, f"{distance:.0f} km away"
            confidence += city_score
            if city_why:
                reasons.append(city_why)
            if candidate.status != RorStatus.ACTIVE:
                confidence -= 0.1
                reasons.append(candidate.status)
            confidence = round(max(0.0, min(1.0, confidence)), 3)
            if confidence >= PROPOSE:
                proposals.append(
                    Proposal(institution, candidate, confidence, ", ".join(reasons), score)
                )
        proposals.sort(key=lambda p: (-p.confidence, p.candidate.ror_id))
        results.append(MatchResult(institution, proposals[:5]))
    return results
