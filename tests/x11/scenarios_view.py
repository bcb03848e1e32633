"""X11 scenarios: the window on small screens and at large text sizes, the step list hidden, screenshots."""

from __future__ import annotations

__all__: list[str] = []
