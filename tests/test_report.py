"""``kg report``: the numbers it reads, the page it writes, and the page in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from chromium import open_page
from kg.cli import main
from kg.report.page import render_report, write_report
from kg.report.data import collect, read_model_card

CARD = Path(__file__).resolve().parent / "data" / "report" / "model-card.md"


@pytest.fixture(scope="module")
def page(dev_store, tmp_path_factory) -> Path:
    return write_report(dev_store, tmp_path_factory.mktemp("report") / "report.html", model_card=CARD)


def test_numbers_come_from_the_store(dev_store):
    data = collect(dev_store)
    assert data.totals["transcripts"] == 7 and data.first == "2013-03-04"
    assert sum(n for _, n in data.meetings_per_year) == data.totals["meetings"]
    partners = {code: n for code, _, n in data.partners}
    assert partners["AZE"] == 1 and "RUS" not in partners  # Russia published these pages: not its own partner
    assert sum(sum(sum(c.values()) for c in years.values()) for years in data.commitments.values()) \
        == data.totals["commitments"]
    quotes = [f["quote"] for figures in data.figures.values() for f in figures]
    assert quotes and all(quotes)


def test_model_card_tables_under_score_headings_only():
    [(heading, rows)] = read_model_card(CARD)
    assert heading.startswith("How good") and rows == [["set", "commitments F1", "figures F1"],
                                                        ["heldout", "0.626", "0.583"]]
    assert read_model_card(CARD.with_name("missing.md")) == []


def test_page_is_self_contained_and_has_every_section(page):
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and not re.search(r'(src|href)="(https?:)?//', html)
    for section in ("overview", "meetings", "network", "commitments", "figures", "quality"):
        assert f'<section id="{section}">' in html
    assert "0.626" in html and "Training data" not in html  # the card's score table, not the rest
    assert "0 violations" in html or "<b>0</b> violations" in html


def test_report_without_validation_says_so(dev_store):
    assert "Not run" in render_report(dev_store, validate=False, model_card=CARD)


def test_report_opens_in_chromium_without_errors_and_fits(chromium, page, dev_store, tmp_path):
    view = open_page(chromium, page, width=1200, height=900)
    view.wait_for("document.readyState === 'complete'")
    assert view.evaluate("document.querySelectorAll('section').length") == 6
    years = len(collect(dev_store).meetings_per_year)
    assert view.evaluate("document.querySelectorAll('#meetings svg.bars rect.bar').length") == years
    assert view.evaluate("document.querySelectorAll('#network circle.node').length") == 9
    assert view.evaluate("document.querySelectorAll('#commitments svg.stacked').length") == 6
    assert view.evaluate("document.querySelectorAll('#figures q').length") > 0
    for width in (1200, 700):
        view.send("Emulation.setDeviceMetricsOverride", width=width, height=900, deviceScaleFactor=1, mobile=False)
        assert view.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), width
    view.screenshot(tmp_path / "report.png")
    assert (tmp_path / "report.png").stat().st_size > 20_000
    assert view.errors == []
    view.close()


def test_cli_report(dev_store_dir, tmp_path, capsys):
    out = tmp_path / "r.html"
    assert main(["report", "--store", str(dev_store_dir), "-o", str(out), "--no-validate", "--title", "Dev set"]) == 0
    assert "<title>Dev set</title>" in out.read_text(encoding="utf-8")
    assert f"report -> {out}" in capsys.readouterr().err
    assert main(["report", "--store", str(tmp_path / "nothing"), "-o", str(out)]) == 2
