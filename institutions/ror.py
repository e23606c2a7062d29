"""Reading ROR data dumps (schema v2) as a stream, and mapping a record to institution fields.

ROR publishes `vX.Y-YYYY-MM-DD-ror-data.zip` on Zenodo; it holds one JSON array of records per
schema. The JSON member is chosen by content (records with a `names` list), never by its name.
A plain or gzipped JSON file of the same shape is read too. Records are parsed one at a time
(ijson), so memory stays flat whatever the size of the dump.
"""

import gzip
import hashlib
import io
import json
import os
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO

import ijson
from django.utils.text import slugify

from core.languages import content_languages, localized, localized_in
from core.text import fold
from core.validators import ROR_ID_RE, ror_checksum

from .models import InstitutionKind, RorStatus

ROR_PREFIX = "https://ror.org/"

# Most specific first: a university hospital is a hospital, a research funder a funding agency.
KIND_BY_TYPE = [
    ("healthcare", InstitutionKind.HOSPITAL),
    ("education", InstitutionKind.UNIVERSITY),
    ("facility", InstitutionKind.RESEARCH_INSTITUTE),
    ("funder", InstitutionKind.FUNDING_AGENCY),
    ("government", InstitutionKind.PUBLIC_AUTHORITY),
    ("company", InstitutionKind.COMPANY),
    ("nonprofit", InstitutionKind.FOUNDATION),
    ("archive", InstitutionKind.OTHER),
    ("other", InstitutionKind.OTHER),
]
ROR_TYPES = [ror_type for ror_type, _kind in KIND_BY_TYPE]

# The language of ROR's display names (its records' names in other languages are labels).
ROR_LANGUAGE = "en"

# Institution fields a ROR record can fill (always on directory rows, when empty otherwise).
MAPPED_FIELDS = [
    *localized("name"),
    "acronym",
    "kind",
    "country",
    *localized("city"),
    "latitude",
    "longitude",
    "website",
    "founded_year",
    "wikidata_id",
]
WEBSITE_MAX = 200
ACRONYM_MAX = 40
NAME_MAX = 255


class RorDumpError(Exception):
    """The dump cannot be read: the message names the record at fault."""

    saved = 0  # records of the batches written before it


@dataclass
class RorFacts:
    """What CLARA keeps of one ROR record."""

    ror_id: str
    values: dict[str, Any]  # MAPPED_FIELDS
    status: str
    successor: str
    parent: str
    types: str
    names: str
    record: dict
    hash: str
    slug: str = ""
    extra_parents: list[str] = field(default_factory=list)


def ror_id_of(url: str | None) -> str:
    """`https://ror.org/02feahw73` -> `02feahw73`; "" when it is not a valid ROR id."""
    value = (url or "").strip().lower().removeprefix(ROR_PREFIX).removeprefix("ror.org/")
    if ROR_ID_RE.match(value) and ror_checksum(value[:7]) == int(value[7:]):
        return value
    return ""


def _display_name(record: dict) -> str:
    for name in record.get("names") or []:
        if isinstance(name, dict) and "ror_display" in (name.get("types") or []):
            return str(name.get("value") or "")
    return ""


def _describe(position: int, record: Any) -> str:
    if not isinstance(record, dict):
        return f"record #{position}"
    label = record.get("id") or _display_name(record) or "without id or name"
    return f"record #{position} ({label})"


def _label(names: list[dict], lang: str) -> str:
    for name in names:
        types = name.get("types") or []
        if name.get("lang") == lang and ("label" in types or "ror_display" in types):
            return name["value"]
    return ""


def _decimal(value: Any) -> Decimal | None:
    if value is None:
        return None
    return Decimal(str(value)).quantize(Decimal("0.00001"))


def record_hash(record: dict) -> str:
    text = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.md5(text.encode(), usedforsecurity=False).hexdigest()


def map_record(record: Any, position: int) -> RorFacts:
    """Check one schema-v2 record and map it; RorDumpError names the record when it is wrong."""
    where = _describe(position, record)
    if not isinstance(record, dict):
        raise RorDumpError(f"{where}: a record must be a JSON object.")
    if "id" not in record or not record.get("id"):
        raise RorDumpError(f"{where}: the record has no id.")
    ror_id = ror_id_of(record["id"])
    if not ror_id:
        raise RorDumpError(f"{where}: “{record['id']}” is not a valid ROR id.")
    names = record.get("names")
    if not isinstance(names, list) or not all(isinstance(n, dict) for n in names):
        raise RorDumpError(
            f"{where}: not a ROR schema v2 record (no `names` list); "
            "use the schema v2 JSON file of the ROR data dump."
        )
    display = _display_name(record)
    if not display:
        raise RorDumpError(f"{where}: the record has no `ror_display` name.")
    status = record.get("status")
    if status not in RorStatus.values:
        raise RorDumpError(f"{where}: unknown status “{status}”.")
    types = [t for t in record.get("types") or [] if t in ROR_TYPES]
    kind = next((k for t, k in KIND_BY_TYPE if t in types), InstitutionKind.OTHER)

    location = next(iter(record.get("locations") or []), None) or {}
    place = location.get("geonames_details") or {}
    latitude, longitude = _decimal(place.get("lat")), _decimal(place.get("lng"))
    if latitude is None or longitude is None:
        latitude = longitude = None
    city = (place.get("name") or "")[:120]
    website = next(
        (
            link.get("value") or ""
            for link in record.get("links") or []
            if link.get("type") == "website"
        ),
        "",
    )
    if len(website) > WEBSITE_MAX:
        website = ""
    acronym = next((n["value"] for n in names if "acronym" in (n.get("types") or [])), "")
    wikidata = ""
    for item in record.get("external_ids") or []:
        if item.get("type") == "wikidata":
            wikidata = item.get("preferred") or next(iter(item.get("all") or []), "") or ""
    relations = record.get("relationships") or []
    parents = [ror_id_of(r.get("id")) for r in relations if r.get("type") == "parent"]
    parents = [p for p in parents if p and p != ror_id]
    successor = next(
        (ror_id_of(r.get("id")) for r in relations if r.get("type") == "successor"), ""
    )
    established = record.get("established")
    all_names = {fold(str(n.get("value") or "")) for n in names} - {""}
    values = {
        **{
            localized_in(language, "name")[0]: (_label(names, language) or display)[:NAME_MAX]
            for language in content_languages()
        },
        "acronym": acronym[:ACRONYM_MAX],
        "kind": kind,
        "country": (place.get("country_code") or "").upper()[:2],
        **dict.fromkeys(localized("city"), city),
        "latitude": latitude,
        "longitude": longitude,
        "website": website,
        "founded_year": established
        if isinstance(established, int) and 0 < established < 32767
        else None,
        "wikidata_id": wikidata if wikidata[:1] == "Q" and wikidata[1:].isdigit() else "",
    }
    return RorFacts(
        ror_id=ror_id,
        values=values,
        status=status,
        successor=successor or "",
        parent=parents[0] if parents else "",
        extra_parents=parents[1:],
        types=",".join(types),
        names=" | ".join(sorted(all_names)),
        record=record,
        hash=record_hash(record),
        slug=f"{slugify(display)[:100].strip('-') or 'ror'}-{ror_id}",
    )


# Reading ---------------------------------------------------------------------------------------


class _Counting(io.RawIOBase):
    """Counts the bytes read from a stream, for the progress bar."""

    def __init__(self, stream: BinaryIO):
        self.stream = stream
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        data = self.stream.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


def _is_v2_array(opener: Callable[[], BinaryIO]) -> bool:
    """The stream is a JSON array whose first record has a `names` list (schema v2)."""
    with opener() as stream:
        try:
            first = next(ijson.items(stream, "item", use_float=True), None)
        except (ijson.JSONError, UnicodeDecodeError, ValueError):
            return False
    return isinstance(first, dict) and isinstance(first.get("names"), list)


class RorDump:
    """A dump opened for streaming: iterate `records()`; `fraction()` tells how far it got."""

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        if not os.path.isfile(self.path):
            raise RorDumpError(f"{self.path}: no such file.")
        self.size = os.path.getsize(self.path)
        self._raw: BinaryIO | None = None
        self._counter: _Counting | None = None
        self._member: zipfile.ZipInfo | None = None
        with open(self.path, "rb") as handle:
            self.magic = handle.read(4)

    def _open(self) -> BinaryIO:
        if self.magic[:2] == b"\x1f\x8b":
            self._raw = open(self.path, "rb")  # noqa: SIM115 (closed by records())
            return gzip.GzipFile(fileobj=self._raw)
        if self.magic == b"PK\x03\x04":
            archive = zipfile.ZipFile(self.path)
            candidates = [
                info
                for info in archive.infolist()
                if not info.is_dir() and info.filename.lower().endswith(".json")
            ]
            for info in candidates:
                if _is_v2_array(lambda info=info: archive.open(info)):
                    self._member = info
                    return archive.open(info)
            names = ", ".join(info.filename for info in candidates) or "none"
            raise RorDumpError(
                f"{self.path}: no JSON file of ROR schema v2 records in this zip "
                f"(JSON files found: {names})."
            )
        self._raw = open(self.path, "rb")  # noqa: SIM115
        return self._raw

    def fraction(self) -> float:
        if self._member is not None and self._counter is not None:
            return min(1.0, self._counter.count / max(self._member.file_size, 1))
        if self._raw is not None and not self._raw.closed:
            return min(1.0, self._raw.tell() / max(self.size, 1))
        return 1.0

    def records(self) -> Iterator[tuple[int, Any]]:
        """(position, record) pairs, position counting from 1; RorDumpError when unreadable."""
        stream = self._open()
        self._counter = _Counting(stream)
        buffered = io.BufferedReader(self._counter, buffer_size=256 * 1024)
        position = 0
        try:
            try:
                start = buffered.peek(64).lstrip()[:1]
            except (OSError, EOFError) as error:
                raise RorDumpError(f"{self.path}: cannot be read ({error}).") from error
            if start != b"[":
                raise RorDumpError(
                    f"{self.path}: not a ROR data dump (a JSON array of records was expected)."
                )
            items = ijson.items(buffered, "item", use_float=True)
            while True:
                try:
                    record = next(items)
                except StopIteration:
                    break
                except (ijson.JSONError, UnicodeDecodeError, ValueError, OSError, EOFError) as e:
                    raise RorDumpError(
                        f"{self.path}: invalid JSON after record #{position} ({e})."
                    ) from e
                position += 1
                yield position, record
        finally:
            stream.close()
            if self._raw is not None:
                self._raw.close()
