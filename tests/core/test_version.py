"""The version the app reports is the one pyproject.toml declares."""

import tomllib
from pathlib import Path

import workbook


def test_version_matches_pyproject():
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    assert workbook.__version__ == declared
