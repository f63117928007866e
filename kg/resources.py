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


# ---------------------------------------------------------------- extra Turtle

_EXTRA_TURTLE: dict[str, list[str]] = {"ontology": [], "shapes": []}


def add_turtle(folder: str, text: str) -> None:
    """Adds a Turtle snippet to what this process reads as the ontology or the shapes.

    For a commitment type registered at run time
    (:func:`kg.model.register_commitment_type`): its class goes to the
    ``"ontology"`` (the reference graph and validation read it), a shape
    that must cover it to the ``"shapes"``.  Undo with :func:`remove_turtle`.
    """
    if folder not in _EXTRA_TURTLE:
        raise ValueError(f"extra Turtle goes to 'ontology' or 'shapes', not {folder!r}")
    _EXTRA_TURTLE[folder].append(text)


def remove_turtle(folder: str, text: str) -> None:
    """Takes back a snippet :func:`add_turtle` added."""
    if text in _EXTRA_TURTLE.get(folder, []):
        _EXTRA_TURTLE[folder].remove(text)


def extra_turtle(folder: str) -> tuple[str, ...]:
    """The snippets added to ``folder`` ("ontology" or "shapes"), in the order they were added."""
    return tuple(_EXTRA_TURTLE.get(folder, ()))
