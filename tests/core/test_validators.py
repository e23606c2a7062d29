import pytest
from django.core.exceptions import ValidationError

from core.validators import validate_orcid, validate_ror_id, validate_wikidata_id


@pytest.mark.parametrize("value", ["03vek6s52", "0316ej306", "02feahw73"])
def test_real_ror_ids_are_accepted(value):
    validate_ror_id(value)


@pytest.mark.parametrize(
    "value",
    [
        "03vek6s53",  # checksum off by one
        "3vek6s52",  # too short
        "13vek6s52",  # must start with 0
        "03vek6sl2",  # 'l' is not in the ROR alphabet
        "https://ror.org/03vek6s52",
        "",
    ],
)
def test_malformed_ror_ids_are_refused_with_a_clear_message(value):
    with pytest.raises(ValidationError) as error:
        validate_ror_id(value)
    assert "is not a valid ROR identifier" in str(error.value)


@pytest.mark.parametrize(
    "value", ["0000-0002-1825-0097", "0000-0001-5109-3700", "0000-0002-1694-233X"]
)
def test_orcid_with_valid_checksum_is_accepted(value):
    validate_orcid(value)


@pytest.mark.parametrize(
    "value",
    ["0000-0002-1825-0098", "0000000218250097", "0000-0002-1825-009", "0000-0002-1694-2330"],
)
def test_orcid_with_bad_checksum_or_shape_is_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_orcid(value)
    assert "is not a valid ORCID iD" in str(error.value)


def test_wikidata_ids():
    validate_wikidata_id("Q90")
    for bad in ("90", "Q0", "q90", "Q9a"):
        with pytest.raises(ValidationError):
            validate_wikidata_id(bad)
