import pytest
from django.utils import translation

from core.typography import NBSP, NNBSP, french, typography


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Contact : CLARA", f"Contact{NNBSP}: CLARA"),
        ("Contact: CLARA", f"Contact{NNBSP}: CLARA"),
        ("Pourquoi ? Parce que ; enfin !", f"Pourquoi{NNBSP}? Parce que{NNBSP}; enfin{NNBSP}!"),
        ("« cette mobilisation »", f"«{NNBSP}cette mobilisation{NNBSP}»"),
        ("plus de 1 300 copublications", f"plus de 1{NNBSP}300 copublications"),
        ("plus de 1300 copublications", "plus de 1300 copublications"),
        ("15 M$ de Merck", f"15{NBSP}M$ de Merck"),
        ("le Pr C. Brambilla", f"le Pr{NBSP}C. Brambilla"),
        ("l'Oncopole d'Québec", "l’Oncopole d’Québec"),
        ("la stratégie 2011-2014", "la stratégie 2011–2014"),
        ("co-fondateur, co-financées", "cofondateur, cofinancées"),
    ],
)
def test_french_typography(typed, expected):
    assert french(typed) == expected


def test_addresses_times_and_urls_are_left_alone():
    text = "https://oncopole.ca à 10:30, réf. A-1"
    assert french(text) == text


def test_only_french_pages_are_changed():
    assert typography("Contact : CLARA", "en") == "Contact : CLARA"
    with translation.override("fr"):
        assert typography("Oui ?") == f"Oui{NNBSP}?"
    with translation.override("en"):
        assert typography("Yes ?") == "Yes ?"


def test_the_description_and_title_meta_tags_are_text_other_meta_values_are_not():
    from core.typography import typography_html

    html = (
        '<meta name="description" content="Échéance : l\'accord">'
        '<meta property="og:title" content="Pourquoi ?">'
        '<meta property="og:url" content="https://x.org/l\'a?b">'
    )
    assert typography_html(html, "fr") == (
        f'<meta name="description" content="Échéance{NNBSP}: l’accord">'
        f'<meta property="og:title" content="Pourquoi{NNBSP}?">'
        '<meta property="og:url" content="https://x.org/l\'a?b">'
    )


def test_html_text_only():
    from core.typography import typography_html

    html = "<a href=\"https://x.org/l'a\">Échéance : l'accord</a>"
    assert typography_html(html, "fr") == (
        f'<a href="https://x.org/l\'a">Échéance{NNBSP}: l’accord</a>'
    )
