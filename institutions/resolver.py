"""From a free-text affiliation to the directory: `resolve_affiliation(text, country=None)`.

"Inst. of Comput. Technol., Chinese Acad. of Sci., Beijing, China" -> ranked candidates of the
directory (CLARA's institutions and the imported ROR records), each with a score, the reason,
and `chosen` on at most one of them when it is clearly right (as ROR's affiliation matcher: an
acronym alone, an ambiguous name or a string naming no organisation is never chosen).

How: the directory is read once into an in-memory index (rebuilt when institutions change):
every name, label and alias, normalised to tokens (folded, abbreviations expanded, French,
German, Spanish, Italian, Portuguese and Chinese-romanised forms mapped to one English word,
stop words dropped), with IDF weights. A string is split into its parts (commas, semicolons,
brackets); each span of tokens within a part (or a part and the next one, "University of
California, Berkeley") is looked up as an exact name, and the rarest tokens of each part bring
the names that share them, scored by the IDF-weighted share of the name found (rapidfuzz for the
spelling of words the directory does not know). The places in the string (countries, cities)
break ties between organisations of the same name; the most specific organisation found (the
first part naming one, or the child of another candidate) comes first, with its parent.
"""

import bisect
import heapq
import json
import math
import re
import threading
from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from core.text import fold

MAX_LENGTH = 1000
MAX_CANDIDATES = 5
ACRONYM_SCORE = 0.5
UNIQUE_ACRONYM_SCORE = 0.6  # an acronym of one organisation only
ACRONYM_AGREES = 0.1
FUZZY_FACTOR = 0.9  # a name found word by word rather than whole
MISSING_FLOOR = 2.0  # the least weight of a word of a name missing from the string
GENERIC_WEIGHT = 0.3  # the weight of a generic word ("department") left unexplained
CHILD_BONUS = 0.06  # a child found with its parent comes first (the most specific)
MIN_RECALL = 0.75  # the share of a name's (IDF-weighted) words found, for a name to count
MAX_POSTING = 300  # words in more names than this bring no candidates by themselves
FUZZY_NAMES = 15  # names judged in full per part, of those sharing its rarer words
CHOOSE_SCORE = 0.8
CHOOSE_MARGIN = 0.05

# Words of organisation names in several languages (and their abbreviations) -> one form.
_CANON_GROUPS = {
    "university": (
        "univ universities universite universites universitat universitaet universidad "
        "universidade universita universiteit universitas universitet universiti uniwersytet "
        "universitatea univerzita univerzitet egyetem yliopisto daxue unversity universty "
        "univeristy universiy"
    ),
    "institute": (
        "inst institutes institut instituts instituto institutos istituto istituti instytut "
        "institutet instituut institutul insititute"
    ),
    "hospital": (
        "hosp hospitals hopital hopitaux hospitalier hospitaliere hospitaliers ospedale "
        "ospedaliera ospedaliero hospitais krankenhaus klinikum yiyuan"
    ),
    "academy": "acad academie academia akademie akademia academies accademia akademi",
    "science": (
        "sci sciences scientific scientifique scientifiques ciencias scienze wissenschaften "
        "ciencia scienc"
    ),
    "center": "ctr cent centre centres centers centro centros zentrum cntr cen",
    "national": "natl nat nationale nacional nazionale narodowy nationaal",
    "laboratory": (
        "lab labs laboratories laboratoire laboratoires laboratorio laboratorium labor lab "
        "laboratorios labo"
    ),
    "department": "dept depts dep departement departamento dipartimento abteilung",
    "technology": (
        "technol tech technologies technologie tecnologia technologique technological technologic"
    ),
    "computer": "comput computing computers computational",
    "research": "res recherche recherches ricerca investigacion forschung",
    "chemistry": "chem chemical chimie chemie quimica",
    "physics": "phys physique physik fisica physical",
    "biology": "biol biologie biologia biological biologique",
    "mathematics": "math maths mathematiques mathematik matematica mathematical",
    "engineering": "eng engn engg engineer ingenieria ingegneria ingenierie",
    "college": "coll colleges colegio collegio",
    "school": "sch schools ecole escuela scuola schule",
    "faculty": "fac faculte facultad facolta fakultat fakultaet",
    "medicine": (
        "med medical medecine medicale medicina medico medica medizin medizinische medizinisches"
    ),
    "technical": "technische technischen technique tecnica tecnico techn",
    "polytechnic": "polytech politecnico polytechnique politecnica polytechnical politechnika",
    "foundation": "fdn fondation fundacion fundacao fondazione stiftung",
    "society": "soc societe sociedad societa gesellschaft",
    "association": "assoc associacao asociacion",
    "agricultural": "agric agriculture agricole agricola agrarian agrarian agronomique",
    "environmental": "environ environment environnement",
    "international": "int intl internationale internacional internazionale",
    "health": "sante salud saude",
    "studies": "study etudes estudios studi",
    "normal": "normale",
    "federal": "federale fed",
    "state": "estadual estatal staatliche",
    "china": "zhongguo chinese prc",
    "saint": "st ste sainte san sao santa",
    "management": "mgmt manag",
    "business": "bus busi",
    "economics": "econ economic economique economie economia",
    "applied": "appl",
    "atomic": "atom",
    "energy": "energie energia",
    "nuclear": "nucl nucleaire nucleare",
    "electronic": "electron electronics electrical elect electr",
    "information": "inf info informatics informatique informatica informatik",
    "mechanical": "mech mechanics",
    "materials": "mater material",
    "geology": "geol geological geologie",
    "astronomy": "astron astronomical astronomique",
    "observatory": "obs observatoire osservatorio sternwarte",
    "museum": "musee museo",
    "clinic": "clinique clinica klinik clinical clin",
    "pharmacy": "pharm pharmaceutical pharmacie pharmacology",
    "veterinary": "vet veterinaire veterinaria",
    "education": "educ educational",
    "public": "publique publica pubblica",
    "general": "gen generale",
    "regional": "reg regionale",
    "central": "centrale",
    "graduate": "grad",
}


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


CANON = {word: canon for canon, words in _CANON_GROUPS.items() for word in words.split()}

STOP = _word_set(
    "of the and for in at on to de del della delle dei degli di da do dos das du des la le les "
    "el los las y e et und fur der die das den dem van von voor en zu a an l d i al bei im "
    "aux au pour"
)

# Words that name a unit or a discipline, not an organisation: a name made of these alone
# ("Department of Medicine", "School of Physics") is generic and never chosen.
GENERIC = _word_set(
    "department faculty school college institute center laboratory division unit section group "
    "program graduate research science medicine physics chemistry biology mathematics "
    "engineering computer technology health studies national international university hospital "
    "academy clinic service office key state applied general public central information "
    "materials mechanical electronic environmental economics management pharmacy agricultural "
    "education biomedical molecular clinical surgery genetics biochemistry neuroscience "
    "pathology pediatrics psychiatry psychology statistics mechanics"
)

COUNTRY_ALIASES = {
    "usa": "US",
    "us": "US",
    "america": "US",
    "united states america": "US",
    "uk": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "great britain": "GB",
    "northern ireland": "GB",
    "britain": "GB",
    "china": "CN",
    "pr china": "CN",
    "p r china": "CN",
    "peoples republic china": "CN",
    "people s republic china": "CN",
    "prc": "CN",
    "korea": "KR",
    "south korea": "KR",
    "republic korea": "KR",
    "rep korea": "KR",
    "russia": "RU",
    "russian federation": "RU",
    "taiwan": "TW",
    "roc": "TW",
    "iran": "IR",
    "viet nam": "VN",
    "vietnam": "VN",
    "czech republic": "CZ",
    "czechia": "CZ",
    "deutschland": "DE",
    "allemagne": "DE",
    "espana": "ES",
    "italia": "IT",
    "brasil": "BR",
    "nederland": "NL",
    "the netherlands": "NL",
    "holland": "NL",
    "suisse": "CH",
    "schweiz": "CH",
    "turkey": "TR",
    "turkiye": "TR",
    "hong kong": "HK",
    "macau": "MO",
    "macao": "MO",
    "ivory coast": "CI",
    "cote d ivoire": "CI",
    "tanzania": "TZ",
    "syria": "SY",
    "bolivia": "BO",
    "venezuela": "VE",
    "laos": "LA",
    "moldova": "MD",
    "palestine": "PS",
}
SAME_COUNTRY = {"HK": "CN", "MO": "CN"}  # "Hong Kong, China"
US_STATES = _word_set(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH "
    "NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
US_STATE_NAMES = _word_set(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia "
    "hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts "
    "michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon "
    "pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"
) | {
    "new york",
    "new jersey",
    "new mexico",
    "new hampshire",
    "north carolina",
    "south carolina",
    "north dakota",
    "south dakota",
    "rhode island",
    "west virginia",
}

_SPLIT = re.compile(r"[,;()\[\]{}|:]|#TAB#|\s[–—]\s|\s/\s|\n|\t")
_WORD = re.compile(r"[^\W_]+")
_TAG = re.compile(r"<[^>]{0,200}>")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z&\-]*[A-Z]\b|\b[A-Z]{2,}\b")
# SQL and script: no affiliation reads like this, and their capitals are no acronyms.
_CODE = re.compile(
    r"\b(?:select|insert|update|delete|drop|union|alter|create)\b.{0,80}?"
    r"\b(?:from|into|table|set|select|where|database)\b|;\s*--|\b(?:or|and)\s+\d+\s*=\s*\d+"
    r"|<\s*/?\s*(?:script|iframe|img|svg|a|div|style)\b|javascript:",
    re.IGNORECASE,
)
_PARENTHESIS = re.compile(r"\([^)]*\)")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def _stem(token: str) -> str:
    token = CANON.get(token, token)
    if len(token) > 4 and token.endswith("s") and not token.endswith(("ss", "us", "is", "ics")):
        token = CANON.get(token[:-1], token[:-1])
    return token


def tokens(text: str) -> list[str]:
    """Normalised words: folded, single letters of an initialism joined (C.N.R.S. -> cnrs),
    abbreviations and foreign forms mapped to one word, stop words dropped."""
    raw = _WORD.findall(fold(text).replace("'", " ").replace("’", " "))
    out: list[str] = []
    letters: list[str] = []

    def flush() -> None:
        if len(letters) > 1:
            out.append("".join(letters))  # an initialism, even "at" (A&T)
        elif letters and letters[0] not in STOP:
            out.append(letters[0])
        letters.clear()

    for word in raw:
        if len(word) == 1 and word.isalpha():
            letters.append(word)
            continue
        flush()
        if word not in STOP:
            out.append(_stem(word))
    flush()
    return out


def key_of(text: str) -> str:
    return " ".join(tokens(text))


def clean(text: str) -> str:
    """The text as it is searched: tags and control characters out, at most MAX_LENGTH."""
    text = _CONTROL.sub(" ", _TAG.sub(" ", text or "")).replace("#N#", " ")
    return text[:MAX_LENGTH]


@dataclass
class Candidate:
    institution_id: int
    slug: str
    ror_id: str
    name: str
    country: str
    score: float
    reason: str
    part: int
    chosen: bool = False
    parent: dict | None = None

    def as_dict(self) -> dict:
        return {
            "slug": self.slug,
            "ror_id": self.ror_id,
            "name": self.name,
            "country": self.country,
            "score": round(self.score, 3),
            "reason": self.reason,
            "chosen": self.chosen,
            "parent": {key: self.parent[key] for key in ("slug", "name", "ror_id")}
            if self.parent
            else None,
        }


@dataclass
class _Hit:
    record: int
    name: str
    recall: float  # IDF-weighted share of the name's words found
    precision: float  # IDF-weighted share of the part's words that the name holds
    part: int
    exact: bool
    acronym: bool = False
    weight: float = 0.0  # the IDF weight of the name's words
    start: int = 0  # where in its part the name starts


@dataclass
class _Found:
    hits: list[_Hit]
    places: list[tuple[set, set]]  # (countries, cities) of each group
    groups: list[int]  # the group of each part
    acronym_records: set[int]  # records whose acronym is in the string


@dataclass
class Directory:
    """The in-memory index of the directory (build it with `Directory.build(rows)`)."""

    pks: list[int] = field(default_factory=list)
    slugs: list[str] = field(default_factory=list)
    ror_ids: list[str] = field(default_factory=list)
    display: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    cities: list[str] = field(default_factory=list)
    parents: list[int] = field(default_factory=list)  # record index, -1 when none
    active: list[bool] = field(default_factory=list)
    exact: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # key -> (rec, name)
    acronyms: dict[str, list[int]] = field(default_factory=dict)
    name_keys: list[tuple[str, ...]] = field(default_factory=list)
    name_records: list[int] = field(default_factory=list)
    name_values: list[str] = field(default_factory=list)
    name_sets: list[frozenset] = field(default_factory=list)
    name_weights: list[float] = field(default_factory=list)
    unknown_weight: float = 1.0
    sorted_words: list[str] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=dict)
    idf: dict[str, float] = field(default_factory=dict)
    city_keys: dict[str, set[str]] = field(default_factory=dict)  # city key -> countries
    country_keys: dict[str, str] = field(default_factory=dict)
    vocabulary: dict[str, list[str]] = field(default_factory=dict)  # first letter -> words

    @classmethod
    def build(cls, rows) -> "Directory":
        """rows: dicts with pk, ror_id, name, country, city, parent_ror (or parent_pk),
        active, names [(value, kind)] where kind is "name" or "acronym"."""
        self = cls()
        by_ror: dict[str, int] = {}
        by_pk: dict[int, int] = {}
        pending_parents: list[tuple[int, str, int | None]] = []
        postings = defaultdict(list)
        for row in rows:
            index = len(self.pks)
            self.pks.append(row["pk"])
            self.slugs.append(row.get("slug") or "")
            self.ror_ids.append(row.get("ror_id") or "")
            self.display.append(row["name"])
            self.countries.append(row.get("country") or "")
            city = key_of(row.get("city") or "")
            self.cities.append(city)
            if city:
                self.city_keys.setdefault(city, set()).add(row.get("country") or "")
            self.active.append(row.get("active", True))
            self.parents.append(-1)
            pending_parents.append((index, row.get("parent_ror") or "", row.get("parent_pk")))
            if row.get("ror_id"):
                by_ror[row["ror_id"]] = index
            by_pk[row["pk"]] = index
            seen = set()
            names = list(row["names"])
            for value, kind in row["names"]:
                if kind != "acronym" and "(" in value:
                    bare = _PARENTHESIS.sub(" ", value).strip()
                    if bare:
                        names.append((bare, kind))
            for value, kind in names:
                if kind == "acronym":
                    acronym = re.sub(r"[\W_]+", "", fold(value))
                    if len(acronym) >= 2:
                        self.acronyms.setdefault(acronym, []).append(index)
                    continue
                name_tokens = tuple(tokens(value))
                key = " ".join(name_tokens)
                if not key or key in seen or (len(name_tokens) == 1 and name_tokens[0] in GENERIC):
                    continue
                seen.add(key)
                name_index = len(self.name_keys)
                self.name_keys.append(name_tokens)
                self.name_records.append(index)
                self.name_values.append(value)
                self.exact.setdefault(key, []).append((index, name_index))
                for token in set(name_tokens):
                    postings[token].append(name_index)
        for index, parent_ror, parent_pk in pending_parents:
            parent = by_ror.get(parent_ror, by_pk.get(parent_pk, -1))
            self.parents[index] = parent if parent != index else -1
        count = max(len(self.name_keys), 1)
        self.postings = dict(postings)
        self.idf = {t: math.log(1 + count / len(p)) for t, p in postings.items()}
        self.unknown_weight = math.log(1 + count)
        self.name_sets = [frozenset(key) for key in self.name_keys]
        self.name_weights = [sum(self.idf[t] for t in key) or 1.0 for key in self.name_sets]
        letters = defaultdict(list)
        for token in self.postings:
            if len(token) >= 5:
                letters[token[0]].append(token)
        self.vocabulary = dict(letters)
        self.sorted_words = sorted(self.postings)
        self.country_keys = _country_keys()
        return self

    # Reading a string ------------------------------------------------------------------------

    def _weight(self, token: str) -> float:
        return self.idf.get(token, math.log(1 + len(self.name_keys)))

    @staticmethod
    def _known(token: str) -> str:
        return token

    def _spelled(self, token: str) -> str:
        """A word the directory does not know -> the commonest known word it abbreviates
        ("telecommun" -> "telecommunication"), or its closest known word when close enough."""
        if token in self.postings or len(token) < 4 or token.isdigit():
            return token
        return _closest(self, token)

    def places(self, parts_tokens: list[list[str]], raw_parts: list[str]) -> tuple[set, set]:
        countries, cities = set(), set()
        for part, raw in zip(parts_tokens, raw_parts, strict=True):
            stripped = raw.strip().rstrip(".")
            if stripped in US_STATES or fold(stripped) in US_STATE_NAMES:
                countries.add("US")
            words = [w for w in part if not w.isdigit()]
            for size in (3, 2, 1):
                for start in range(len(words) - size + 1):
                    key = " ".join(words[start : start + size])
                    if key in self.country_keys:
                        countries.add(self.country_keys[key])
                    if key in self.city_keys:
                        cities.add(key)
            for word in raw.split():
                if (
                    word.strip(".").upper() in US_STATES
                    and word.strip(".").isupper()
                    and len(word.strip(".")) == 2
                    and part
                    and len(part) <= 3
                ):
                    countries.add("US")
        return countries, cities

    def hits(self, text: str) -> "_Found":
        """The names found in `text`, and the places (countries, cities) of each group of it
        (groups: the organisations a semicolon separates, each with its own place)."""
        raw_parts, groups = [], []
        for group, chunk in enumerate(text.split(";")):
            for piece in _SPLIT.split(chunk):
                if piece and piece.strip():
                    raw_parts.append(piece)
                    groups.append(group)
        parts = [[self._spelled(t) for t in tokens(p)] for p in raw_parts]
        keep = [i for i, p in enumerate(parts) if p]
        raw_parts = [raw_parts[i] for i in keep]
        parts = [parts[i] for i in keep]
        groups = [groups[i] for i in keep]
        group_places = []
        for group in range(max(groups, default=-1) + 1):
            mine = [i for i, g in enumerate(groups) if g == group]
            group_places.append(self.places([parts[i] for i in mine], [raw_parts[i] for i in mine]))
        countries = set().union(*(c for c, _ in group_places)) if group_places else set()
        cities = set().union(*(c for _, c in group_places)) if group_places else set()
        place_words = {w for key in cities for w in key.split()} | {
            w for key, code in self.country_keys.items() if code in countries for w in key.split()
        }
        found: dict[int, _Hit] = {}
        parts_sets = [set(part) for part in parts]
        acronym_records: set[int] = set()
        idf = self.idf
        default = self.unknown_weight

        def add(hit: _Hit) -> None:
            old = found.get(hit.record)
            if old is None or (hit.recall * hit.precision, -hit.part) > (
                old.recall * old.precision,
                -old.part,
            ):
                found[hit.record] = hit

        def judge(
            name: int, present: set[str], specific: float, position: int, exact: bool, start=0
        ):
            name_tokens = self.name_sets[name]
            found_tokens = name_tokens & present
            covered = sum(idf.get(t, default) for t in found_tokens)
            # A word of the name missing counts at least MISSING_FLOOR, however common:
            # "Tokyo Medical University" is not "University of Tokyo".
            missing = sum(max(idf.get(t, default), MISSING_FLOOR) for t in name_tokens - present)
            recall = covered / (covered + missing) if covered else 0.0
            if recall < MIN_RECALL:
                return
            if not exact:
                own = sum(idf.get(t, default) for t in found_tokens & parts_sets[position])
                if own < 0.5 * covered:
                    return  # mostly places from elsewhere in the string ("State of Illinois")
            unexplained = max(
                specific
                - sum(
                    idf.get(t, default) * (GENERIC_WEIGHT if t in GENERIC else 1.0)
                    for t in name_tokens & present
                    if t not in place_words and not t.isdigit()
                ),
                0.0,
            )
            precision = covered / (covered + unexplained) if covered else 0.0
            # One word inside a longer part ("Max" of "Max Planck Institute") is weak evidence,
            # as an acronym is.
            short = len(name_tokens) == 1 and len(present) > 1
            add(
                _Hit(
                    self.name_records[name],
                    self.name_values[name],
                    recall,
                    precision,
                    position,
                    exact,
                    acronym=short,
                    weight=covered,
                    start=start,
                )
            )

        for position, part in enumerate(parts):
            present = set(part)
            only_place = all(w in place_words or w.isdigit() for w in part)
            words = [w for w in part if not w.isdigit()]
            if words and words[0] in UNITS and all(w in GENERIC for w in words):
                continue  # "Dept. of Mech. Engg.": a unit, no organisation
            specific = sum(
                idf.get(t, default) * (GENERIC_WEIGHT if t in GENERIC else 1.0)
                for t in present
                if t not in place_words and not t.isdigit()
            )
            judged: set[int] = set()
            # Exact names: every span of the part followed by the next part, then every span of
            # the part; a name inside a longer one found ("University of California" in
            # "University of California, San Francisco") does not count.
            matched: list[tuple[int, int]] = []
            covered_sets: list[set[str]] = []
            spans = []
            if position + 1 < len(parts) and groups[position + 1] == groups[position]:
                spans.append((1, part + parts[position + 1]))
            spans.append((0, part))
            for crossing, span in spans:
                span_present = set(span) if crossing else present
                for start in range(len(part)):  # a name starts in this part
                    for end in range(len(span), start, -1):
                        if crossing and end <= len(part):
                            break
                        if any(s <= start and end <= e for s, e in matched):
                            break
                        matches = self.exact.get(" ".join(span[start:end]))
                        if not matches or all(t in place_words for t in span[start:end]):
                            continue  # a place's name is no organisation's ("Lyon")
                        matched.append((start, min(end, len(part)) if crossing else end))
                        covered_sets.append(set(span[start:end]))
                        for _record, name in matches:
                            if name not in judged:
                                judged.add(name)
                                judge(name, span_present, specific, position, True, start)
                        break
            if only_place:
                continue  # "Beijing 100080", "USA": a place, not an organisation
            # Acronyms: a word written in capitals.
            raw = raw_parts[position]
            for word in _ACRONYM.findall(raw):
                if word in US_STATES or key_of(word) in self.country_keys:
                    continue
                acronym = re.sub(r"[\W_]+", "", fold(word))
                for record in self.acronyms.get(acronym, ())[:50]:
                    acronym_records.add(record)
                    add(_Hit(record, word, 1.0, 0.5, position, False, acronym=True))
            # Shared rare words: the names holding the most of them, then judged in full.
            scores: dict[int, float] = {}
            rare = set()
            for token in present:
                posting = self.postings.get(token)
                if not posting or len(posting) > MAX_POSTING or token.isdigit():
                    continue
                rare.add(token)
                weight = idf[token]
                for name in posting:
                    scores[name] = scores.get(name, 0.0) + weight
            if scores:
                # The share of each name found (its common words too), for the best of them.
                weights, sets = self.name_weights, self.name_sets
                common = [t for t in present if t not in rare and t in idf]
                ranked = []
                for name, score in scores.items():
                    if score < 0.3 * weights[name]:
                        continue
                    if common:
                        score += sum(idf[t] for t in common if t in sets[name])
                    ranked.append((score / weights[name], score, name))
                for _share, _score, name in heapq.nlargest(FUZZY_NAMES, ranked):
                    if name in judged:
                        continue
                    if any(sets[name] <= tokens for tokens in covered_sets):
                        continue  # part of a name found whole
                    judged.add(name)
                    first = next((i for i, t in enumerate(part) if t in sets[name]), 0)
                    judge(name, present | place_words, specific, position, False, first)
        return _Found(list(found.values()), group_places, groups, acronym_records)

    def resolve(
        self, text: str, *, country: str | None = None, specific: bool = True
    ) -> list[Candidate]:
        if _CODE.search(text or ""):
            return []  # a query or a script rather than an affiliation
        text = clean(text)
        if not text.strip():
            return []
        found = self.hits(text)
        hits, group_places, groups = found.hits, found.places, found.groups
        if not hits:
            return []
        scored = []
        places = {}
        for hit in hits:
            index = hit.record
            countries, cities = group_places[groups[hit.part]]
            if country:
                countries = countries | {country.upper()}
            if hit.acronym:
                unique = len(self.acronyms.get(re.sub(r"[\W_]+", "", fold(hit.name)), ())) == 1
                score = UNIQUE_ACRONYM_SCORE if unique else ACRONYM_SCORE
            else:
                score = hit.recall**2 * (0.4 + 0.6 * hit.precision)
                if not hit.exact:
                    score *= FUZZY_FACTOR  # the words of the name, not in its order
            if not hit.acronym and index in found.acronym_records:
                score += ACRONYM_AGREES  # its name and its acronym both in the string
            record_country = self.countries[index]
            if countries:
                same = record_country in countries or SAME_COUNTRY.get(record_country) in countries
                score += 0.08 if same else -0.15
            if self.cities[index] and self.cities[index] in cities:
                score += 0.05
            if not self.active[index]:
                score -= 0.05
            generic = is_generic(hit.name)
            if generic and not hit.acronym:
                score -= 0.3
            # The first parts are the most specific: a small preference for them.
            score -= 0.01 * hit.part + 0.002 * hit.start
            scored.append((score, hit, generic))
            places[index] = (countries, cities)
        records = {hit.record for _s, hit, _g in scored}
        # A child of another candidate comes before its parent (the most specific organisation).
        bonus = {}
        for _score, hit, _g in scored:
            parent = self.parents[hit.record]
            if parent in records and hit.recall >= 0.9:
                bonus[hit.record] = CHILD_BONUS if specific else -CHILD_BONUS
        scored = [(s + bonus.get(h.record, 0.0), h, g) for s, h, g in scored]
        scored.sort(key=lambda item: (-item[0], -item[1].weight))
        top = scored[:MAX_CANDIDATES]
        candidates = []
        for score, hit, _generic in top:
            index = hit.record
            parent = self.parents[index]
            candidates.append(
                Candidate(
                    institution_id=self.pks[index],
                    slug=self.slugs[index],
                    ror_id=self.ror_ids[index],
                    name=self.display[index],
                    country=self.countries[index],
                    score=max(0.0, min(score, 1.0)),
                    reason=", ".join(_reasons(hit, index, self, *places[index])),
                    part=hit.part,
                    parent=(
                        {
                            "institution": self.pks[parent],
                            "slug": self.slugs[parent],
                            "ror_id": self.ror_ids[parent],
                            "name": self.display[parent],
                        }
                        if parent >= 0
                        else None
                    ),
                )
            )
        best_score, best, best_generic = top[0]
        # Organisations named in other parts of the string are other organisations (a parent, a
        # partner), not other readings of the same words: only those compete for `chosen`.
        family = self._family(best.record)
        runner = next(
            ((s, h) for s, h, _g in scored[1:] if h.part == best.part and h.record not in family),
            None,
        )
        margin = best_score - runner[0] if runner else 1.0
        if (
            not best.acronym
            and not best_generic
            and best_score >= CHOOSE_SCORE
            and margin >= CHOOSE_MARGIN
        ):
            candidates[0].chosen = True
        return candidates

    def _family(self, record: int) -> set[int]:
        family = {record}
        node = self.parents[record]
        while node >= 0 and node not in family:
            family.add(node)
            node = self.parents[node]
        return family


UNITS = _word_set(
    "department faculty school division unit section group program laboratory service office "
    "college clinic graduate"
)


def is_generic(name: str) -> bool:
    """A name of a unit or a discipline rather than of an organisation: "Department of
    Medicine", "Institute of Physics" (but not "Institute of Computing Technology")."""
    words = [t for t in tokens(name) if not t.isdigit()]
    if not words or not all(t in GENERIC for t in words):
        return False
    return len(words) <= 2 or words[0] in UNITS


def _reasons(hit: _Hit, index: int, directory: Directory, countries, cities) -> list[str]:
    if hit.acronym:
        out = [f"acronym “{hit.name}”"]
    elif hit.exact:
        out = [f"name “{hit.name}”"]
    else:
        out = [f"close to the name “{hit.name}”"]
    if directory.countries[index] in countries:
        out.append(f"country {directory.countries[index]}")
    if directory.cities[index] and directory.cities[index] in cities:
        out.append("city")
    return out


def _closest(directory: Directory, token: str) -> str:
    cache = directory.__dict__.setdefault("_spelling", {})
    if token in cache:
        return cache[token]
    found = token
    words = directory.sorted_words
    start = bisect.bisect_left(words, token)
    longer = []
    for word in words[start : start + 200]:
        if not word.startswith(token):
            break
        longer.append(word)
    if longer:
        found = max(longer, key=lambda w: len(directory.postings[w]))
    elif len(token) >= 6:
        choices = directory.vocabulary.get(token[0], [])
        best = process.extractOne(token, choices, scorer=fuzz.ratio, score_cutoff=85)
        found = best[0] if best else token
    if len(cache) < 100_000:
        cache[token] = found
    return found


def _country_keys() -> dict[str, str]:
    from django.utils import translation
    from django_countries import countries

    keys = {}
    with translation.override("en"):
        for code, name in countries:
            keys[key_of(str(name))] = code
            keys.setdefault(code.lower(), code) if False else None
    with translation.override("fr"):
        for code, name in countries:
            keys.setdefault(key_of(str(name)), code)
    for alias, code in COUNTRY_ALIASES.items():
        keys[key_of(alias)] = code
    return {k: v for k, v in keys.items() if k}


# The directory, read from the database once per process and re-read when it changed. ---------

_lock = threading.Lock()
_loaded: dict = {}


def directory_rows():
    """The institutions as rows for Directory.build, names from their ROR records."""
    from django.db.models.fields.json import KT

    from core.languages import localized

    from .models import Institution, RorStatus

    name_fields = localized("name")
    queryset = Institution.objects.order_by().values_list(
        "pk",
        "slug",
        "ror_id",
        "name",
        "acronym",
        "country",
        "city",
        "ror_parent",
        "parent_id",
        "ror_status",
        KT("ror_record__names"),
        *name_fields,
    )
    for (
        pk,
        slug,
        ror_id,
        name,
        acronym,
        country,
        city,
        ror_parent,
        parent_id,
        status,
        names,
        *more,
    ) in queryset.iterator(chunk_size=5000):
        values: list[tuple[str, str]] = []
        display = name
        if names:
            for item in json.loads(names):
                kinds = item.get("types") or []
                value = item.get("value") or ""
                values.append((value, "acronym" if "acronym" in kinds else "name"))
                if "ror_display" in kinds and value:
                    display = value
        values.extend((value, "name") for value in (name, *more) if value)
        if acronym:
            values.append((acronym, "acronym"))
        yield {
            "pk": pk,
            "slug": slug,
            "ror_id": ror_id,
            "name": display,
            "country": str(country or ""),
            "city": city,
            "parent_ror": ror_parent,
            "parent_pk": parent_id,
            "active": status not in (RorStatus.INACTIVE, RorStatus.WITHDRAWN),
            "names": values,
        }


def _build(version: str) -> Directory:
    index = Directory.build(directory_rows())
    with _lock:
        _loaded["directory"], _loaded["version"] = index, version
    return index


def _build_in_background(version: str) -> None:
    from django.db import connection

    try:
        _build(version)
    finally:
        _loaded.pop("building", None)
        connection.close()  # this thread's own connection


def directory(*, wait: bool = True) -> Directory | None:
    """The index of the current directory (rebuilt after institutions changed). `wait=False`
    (interactive uses): never wait for a build; the index as it was while a new one is built
    in the background, None when there is none yet."""
    from django.db import transaction

    from pagecache.versions import model_tag, versions

    from .models import Institution

    tag = model_tag(Institution)
    version = versions([tag])[tag]
    with _lock:
        current = _loaded.get("directory")
        if current is not None and _loaded.get("version") == version:
            return current
        # A transaction's rows are not seen by another connection: then the build is here.
        if not wait and not transaction.get_connection().in_atomic_block:
            if _loaded.get("building") != version:
                _loaded["building"] = version
                threading.Thread(target=_build_in_background, args=(version,), daemon=True).start()
            return current
    return _build(version)


def resolve_affiliation(
    text: str, *, country: str | None = None, specific: bool = True, wait: bool = True
) -> list[Candidate]:
    """Ranked candidates of the directory for a free-text affiliation; at most one `chosen`.
    `country`: ISO code of the country when known. `specific`: when the string names an
    organisation and its parent ("Institute of Automation, Chinese Academy of Sciences"), the
    child comes first (with its parent); False puts the parent first. `wait=False`: nothing
    rather than waiting for the index to be built (it is built in the background)."""
    index = directory(wait=wait)
    if index is None:
        return []
    return index.resolve(text, country=country, specific=specific)
