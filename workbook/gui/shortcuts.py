"""The window's own shortcuts win over the key bindings of text widgets.

On X11, Qt gives a one-line field emacs-style keys: Ctrl+E is "end of line", Ctrl+K
deletes to the end of it, Ctrl+D deletes a character. A field that has the keyboard
claims such a key before the window's shortcuts see it (Qt's ShortcutOverride event), so
Ctrl+E did nothing while the cursor was in a field. Each text widget of the app asks
:func:`app_shortcut_wins` in its ``event()`` override and lets the window's shortcuts
through. (An ``event()`` override rather than an event filter: a Python event filter can
crash PySide6 while it creates wrapper types lazily.)

The keys every text widget keeps whatever the window binds: copy, cut, paste, select all,
undo and redo (fields hand undo to the window themselves), and the plain movement keys.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QKeyCombination, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

_ATTRIBUTE = "_app_shortcut_keys"
"""Where a window keeps the keys its text widgets leave to it (a frozenset of ints)."""

Key = QKeySequence.StandardKey

_KEPT_WHOLE = (Key.Undo, Key.Redo, Key.Copy, Key.Cut, Key.Paste, Key.SelectAll)
"""Editing keys a text widget always keeps, in every binding of the platform."""
_KEPT_FIRST = (
    Key.MoveToNextChar,
    Key.MoveToPreviousChar,
    Key.MoveToNextWord,
    Key.MoveToPreviousWord,
    Key.MoveToNextLine,
    Key.MoveToPreviousLine,
    Key.MoveToStartOfLine,
    Key.MoveToEndOfLine,
    Key.MoveToStartOfDocument,
    Key.MoveToEndOfDocument,
    Key.SelectNextChar,
    Key.SelectPreviousChar,
    Key.SelectNextWord,
    Key.SelectPreviousWord,
    Key.SelectStartOfLine,
    Key.SelectEndOfLine,
    Key.Delete,
    Key.Backspace,
    Key.DeleteStartOfWord,
    Key.DeleteEndOfWord,
)
"""Movement and deletion: only the platform's main binding is kept (End, not X11's Ctrl+E)."""

_NO_KEYPAD = ~Qt.KeyboardModifier.KeypadModifier


def key_code(event: QKeyEvent) -> int:
    """The pressed key with its modifiers, as one number (the keypad flag left out: arrow
    keys carry it on some platforms)."""
    modifiers = event.modifiers() & _NO_KEYPAD
    return QKeyCombination(modifiers, Qt.Key(event.key())).toCombined()


def _codes(sequences: Iterable[QKeySequence]) -> set[int]:
    return {s[0].toCombined() for s in sequences if s.count() == 1}


def editing_keys() -> frozenset[int]:
    """The keys text widgets keep even when the window binds them."""
    keys: set[int] = set()
    for standard in _KEPT_WHOLE:
        keys |= _codes(QKeySequence.keyBindings(standard))
    for standard in _KEPT_FIRST:
        keys |= _codes(QKeySequence.keyBindings(standard)[:1])
    return frozenset(keys)


def reserve_shortcuts(window: QWidget, actions: Iterable[QAction]) -> frozenset[int]:
    """Make the shortcuts of ``actions`` win in every text widget of ``window`` that asks
    :func:`app_shortcut_wins`. Returns the keys reserved."""
    keys: set[int] = set()
    for action in actions:
        keys |= _codes(action.shortcuts())
    reserved = frozenset(keys - editing_keys())
    setattr(window, _ATTRIBUTE, reserved)
    return reserved


def reserved_keys(widget: QWidget) -> frozenset[int]:
    """The keys the window holding ``widget`` keeps for its shortcuts (none in dialogs)."""
    return getattr(widget.window(), _ATTRIBUTE, frozenset())


def app_shortcut_wins(widget: QWidget, event: QEvent) -> bool:
    """For a text widget's ``event()``: True when ``event`` is the shortcut check for one of
    the window's shortcuts; the event is then declined, so the window's command runs."""
    if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
        return False
    keys = reserved_keys(widget)
    if not keys or key_code(event) not in keys:
        return False
    event.ignore()
    return True


class LeavesAppShortcuts:
    """Mixin for text widgets (before the Qt class): the window's shortcuts win."""

    def event(self, event: QEvent) -> bool:
        if app_shortcut_wins(self, event):  # type: ignore[arg-type]
            return True
        return super().event(event)  # type: ignore[misc]


class AppLineEdit(LeavesAppShortcuts, QLineEdit):
    """A one-line text box (a search box, say) that leaves the window's shortcuts alone."""
