"""Finds ontology/, shapes/ and queries/ in the installed wheel or the checkout.

A wheel carries them under ``kg/_data/`` (hatchling force-include); an
editable install or a plain checkout has them at the top of the repo, so we
look in the package first and fall back to the repo.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

_PACKAGE_ROOT = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """Directory of a bundled resource folder: ``ontology``, ``shapes`` or ``queries``."""
    packaged = resources.files("kg").joinpath("_data", name)
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = _PACKAGE_ROOT.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"irkg resource folder {name!r} is missing from the installation")


def resource_path(name: str, filename: str) -> Path:
    """Path of one file in a resource folder, e.g. ``resource_path("ontology", "irkg.ttl")``."""
    return resource_dir(name) / filename


def data_path(filename: str) -> Path:
    """Path of a gazetteer data file shipped in ``kg/data/``."""
    return _PACKAGE_ROOT / "data" / filename
