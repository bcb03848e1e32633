"""Runs one scenario of :mod:`tests.x11.scenarios` on the xcb platform and prints its result.

``python -m tests.x11.child NAME '[args as JSON]'``; the last line of output is
``{"result": ...}``.
"""

from __future__ import annotations

import json
import sys


def main() -> int:
    name, args = sys.argv[1], json.loads(sys.argv[2])
    from workbook.gui.app import create_application

    app = create_application(["x11-test"])
    if app.platformName() != "xcb":
        raise SystemExit(f"expected the xcb platform, got {app.platformName()}")
    from tests.x11 import scenarios

    result = getattr(scenarios, name)(*args)
    print(json.dumps({"result": result}), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
