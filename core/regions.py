"""World regions for filtering collaborations by area."""

from django.utils.translation import gettext_lazy as _

REGIONS = {
    "europe": (
        _("Europe"),
        [
            "AT",
            "BE",
            "BG",
            "CH",
            "CY",
            "CZ",
            "DE",
            "DK",
            "EE",
            "ES",
            "FI",
            "FR",
            "GB",
            "GR",
            "HR",
            "HU",
            "IE",
            "IS",
            "IT",
            "LT",
            "LU",
            "LV",
            "MT",
            "NL",
            "NO",
            "PL",
            "PT",
            "RO",
            "SE",
            "SI",
            "SK",
        ],
    ),
    "north-america": (_("North America"), ["CA", "US", "MX"]),
    "asia": (_("Asia"), ["CN", "JP", "KR", "IN", "SG", "TW", "HK", "VN", "TH"]),
    "middle-east": (_("Middle East"), ["IL", "LB", "JO", "AE", "SA", "QA", "TR"]),
    "africa": (_("Africa"), ["SN", "MA", "DZ", "TN", "CI", "CM", "ML", "BF", "ZA", "EG"]),
    "latin-america": (_("Latin America"), ["BR", "AR", "CL", "CO", "PE", "UY"]),
}


def region_choices() -> list[tuple[str, str]]:
    return [(key, label) for key, (label, _codes) in REGIONS.items()]
