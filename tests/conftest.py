"""Test set-up for every test: offscreen Qt, and private settings and data folders per test."""

import os

# Must be set before anything imports Qt.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_app_folders(tmp_path_factory, monkeypatch):
    """Point the app's settings and data (recovery copies, recent files) at a fresh folder."""
    root = tmp_path_factory.mktemp("appdirs")
    monkeypatch.setenv("WORKBOOK_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("WORKBOOK_DATA_DIR", str(root / "data"))
    yield root


def pytest_addoption(parser):
    parser.addoption(
        "--kill-iterations",
        type=int,
        default=20,
        help="how many times the kill tests (tests/core/test_kill.py) kill a saving process",
    )
