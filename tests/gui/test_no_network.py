"""Local and private: the whole wizard and the PDF export never open a network connection."""

from __future__ import annotations

import io
import socket
import sys

import pytest

from workbook.gui.selftest import run_self_test

pytestmark = pytest.mark.gui


@pytest.fixture
def attempts(monkeypatch):
    """Every socket the app tries to open or resolve is recorded and refused."""
    tried: list[str] = []

    def refuse(what):
        def blocked(*args, **kwargs):
            tried.append(f"{what}{args!r}")
            raise OSError("network blocked by the test")

        return blocked

    for method in ("connect", "connect_ex", "bind", "sendto"):
        monkeypatch.setattr(socket.socket, method, refuse(f"socket.{method}"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "gethostbyname", refuse("gethostbyname"))
    return tried


def test_whole_wizard_and_export_without_network(qapp, tmp_path, attempts):
    out = io.StringIO()
    # The self-test drives the real window: opens a worked example, visits every stage
    # page and tab, exports the PDF and checks it.
    assert run_self_test(tmp_path, stream=out) == 0, out.getvalue()
    assert (tmp_path / "self-test.pdf").stat().st_size > 10_000
    assert attempts == []
    assert "PySide6.QtNetwork" not in sys.modules
