"""Plain-number spellings of the few Qt enum values the first window needs.

PySide6 turns every enum of a Qt class into a Python ``enum`` the first time the class is
touched, and the ``Qt`` namespace has 93 of them: 25 ms, an eighth of the time a bare
window takes to appear (tests/benchmarks). The start page and the window frame therefore
do not touch ``Qt`` before their first paint; where they need one of its values they use
these numbers, which ``tests/gui/test_qt_values.py`` checks against the real enums.
Everything that runs later uses ``Qt`` as usual.
"""

ALIGN_CENTER = 0x0084
"""``Qt.AlignmentFlag.AlignCenter`` (horizontal and vertical centre)."""

TEXT_SELECTABLE_BY_MOUSE = 0x0001
"""``Qt.TextInteractionFlag.TextSelectableByMouse``."""

ACCESSIBLE_TEXT_ROLE = 11
"""``Qt.ItemDataRole.AccessibleTextRole``."""

FOREGROUND_ROLE = 9
"""``Qt.ItemDataRole.ForegroundRole``: a view item's text colour (``setForeground`` makes a
``QBrush``, whose overloads touch ``Qt``; views take a plain ``QColor`` in this role)."""

USER_ROLE = 0x0100
"""``Qt.ItemDataRole.UserRole``: the first role free for the app's own data."""
