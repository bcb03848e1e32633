"""Spell-check in text widgets: red squiggles under misspelt words, and suggestions, "Add to
dictionary" and "Ignore" in the context menu.

:func:`attach_spellcheck` fits it to a ``QPlainTextEdit``, a ``QTextEdit`` or a ``QLineEdit``.
Checking stays off the keystroke path: while the user types, a changed paragraph shows only
the words already judged misspelt elsewhere; it is checked in full once typing pauses
(:data:`CHECK_DELAY_MS`). The dictionary loads on a worker thread the first time it is
needed (a moment later, so that opening a plan is not slowed); until then nothing is
underlined. The Preferences' switch and language are app-wide (:func:`set_spelling_options`):
every spell-checked widget of every window follows them.

A line edit cannot carry a ``QSyntaxHighlighter``: its underlines are given to it as
input-method text formats (``QInputMethodEvent``), which change neither its text, its
cursor nor its undo history. One limitation: an input-method composition in progress
when typing has paused for :data:`CHECK_DELAY_MS` is cut short by them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QPoint,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QInputMethodEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QUndoStack,
)
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit, QTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtGui import QTextDocument

    from workbook.gui.settings import Settings as SpellingSettings
    from workbook.spelling import Speller

CHECK_DELAY_MS = 400
"""A changed paragraph is checked once typing has paused this long."""
LOAD_DELAY_MS = 600
"""The dictionary starts loading this long after it is first asked for: a plan being opened
(which makes the fields that ask) is on screen and answering first."""
DEFAULT_LANGUAGE = "en_GB"
OBJECT_NAME = "spellcheck"
UNDERLINE = QColor("#d0021b")

# ---------------------------------------------------------------- the dictionaries, loaded once


class _LoadSignals(QObject):
    loaded = Signal(str)
    failed = Signal(str, str)


class _LoadTask(QRunnable):
    def __init__(self, language: str, signals: _LoadSignals) -> None:
        super().__init__()
        self.language, self.signals = language, signals

    def run(self) -> None:
        from workbook.spelling import SpellingUnavailable, get_speller

        try:
            get_speller(self.language).prepare_suggestions()
        except (SpellingUnavailable, OSError, ValueError) as error:
            self.signals.failed.emit(self.language, str(error))
            return
        self.signals.loaded.emit(self.language)


class SpellerLoader(QObject):
    """Loads each language's speller once, off the UI thread, and says when it is ready."""

    ready = Signal(str)
    """A language's speller can now be had from :meth:`speller`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._signals = _LoadSignals(self)
        self._signals.loaded.connect(self._on_loaded)
        self._signals.failed.connect(self._on_failed)
        self._ready: set[str] = set()
        self._loading: set[str] = set()
        self.errors: dict[str, str] = {}
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.delay_ms = LOAD_DELAY_MS

    def speller(self, language: str) -> Speller | None:
        """The speller, or None while it loads (then :attr:`ready` follows)."""
        if language in self._ready:
            from workbook.spelling import get_speller

            return get_speller(language)
        if language not in self._loading and language not in self.errors:
            self._loading.add(language)
            QTimer.singleShot(self.delay_ms, self, lambda: self._start(language))
        return None

    def _start(self, language: str) -> None:
        self.pool.start(_LoadTask(language, self._signals))

    def _on_loaded(self, language: str) -> None:
        self._loading.discard(language)
        self._ready.add(language)
        self.ready.emit(language)

    def _on_failed(self, language: str, message: str) -> None:
        self._loading.discard(language)
        self.errors[language] = message


_loader: SpellerLoader | None = None


def loader() -> SpellerLoader:
    global _loader
    if _loader is None:
        _loader = SpellerLoader(QCoreApplication.instance())
    return _loader


# ---------------------------------------------------------------- the switch and the language


class SpellingOptions(QObject):
    """Spell-check on or off, and its language, for the whole app (every window)."""

    changed = Signal(bool, str)
    """(enabled, language), after every spell-checked widget has been told."""
    switched = Signal(bool)
    """On or off (each window's Ctrl+F7 menu item follows it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.language = DEFAULT_LANGUAGE


_options: SpellingOptions | None = None


def spelling_options() -> SpellingOptions:
    global _options
    if _options is None:
        _options = SpellingOptions(QCoreApplication.instance())
    return _options


def set_spelling_options(enabled: bool, language: str) -> None:
    """Switch spell-check on or off, or change its language, in every open editor of every
    window at once, and in those made later."""
    options = spelling_options()
    if (options.enabled, options.language) == (enabled, language):
        return
    options.enabled, options.language = enabled, language
    for handle in _handles():
        handle.enabled, handle.language = enabled, language
        handle._apply()
    options.changed.emit(enabled, language)
    options.switched.emit(enabled)


def follow_spelling_settings(settings: SpellingSettings, action: QAction) -> None:
    """Apply the stored switch and language to the app, and keep ``action`` (a window's
    checkable "Check spelling as you type") ticked as the switch moves in any window."""
    set_spelling_options(settings.spell_check, settings.spelling_language)
    options = spelling_options()
    action.setChecked(options.enabled)
    options.switched.connect(action.setChecked)


def switch_spelling(settings: SpellingSettings, enabled: bool) -> str:
    """Ctrl+F7: store and apply the switch; returns what to tell the user."""
    settings.spell_check = enabled
    settings.sync()
    set_spelling_options(enabled, spelling_options().language)
    if enabled:
        return "Spelling is checked as you type. Right-click a word underlined in red."
    return "Spelling is not checked. Ctrl+F7 switches it on again."


# ---------------------------------------------------------------- paragraphs of a text document


def _underline() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
    fmt.setUnderlineColor(UNDERLINE)
    return fmt


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines misspelt words, each paragraph checked in full only after typing pauses."""

    def __init__(self, document: QTextDocument, speller: Callable[[], Speller | None]) -> None:
        # Made without a document, so that our own contentsChange slot is connected before
        # the highlighter's: it marks the paragraph as being typed before it is highlighted.
        super().__init__(document)
        self.setDocument(None)
        self._speller = speller
        self._format = _underline()
        self._typed: set[int] = set()
        """Numbers of the paragraphs changed since the last full check."""
        self._spans: dict[int, list[tuple[int, int]]] = {}
        """Each paragraph's underlined spans as last laid out (positions in the paragraph)."""
        self._edit: tuple[int, int, int, int] | None = None
        """The last edit inside one paragraph: (paragraph, position in it, removed, added)."""
        self._blocks = document.blockCount()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self.check_typed)
        document.contentsChange.connect(self._on_contents_change)
        self.setDocument(document)
        self.full_checks = 0
        """Paragraphs checked in full (for tests and the benchmark)."""

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        document = self.document()
        if document is None:
            return
        block = document.findBlock(position)
        last = document.findBlock(position + added)
        first_number = block.blockNumber()
        last_number = last.blockNumber() if last.isValid() else first_number
        self._typed.update(range(first_number, max(first_number, last_number) + 1))
        blocks = document.blockCount()
        if blocks != self._blocks:  # paragraphs came or went: the numbers moved
            self._blocks = blocks
            self._spans.clear()
            self._edit = None
        elif first_number == last_number:
            self._edit = (first_number, position - block.position(), removed, added)
        else:
            self._edit = None
        self._timer.start()

    def check_typed(self) -> None:
        """Check the paragraphs typed in since the last pause (the timer calls this)."""
        self._timer.stop()
        document = self.document()
        typed, self._typed = self._typed, set()
        if document is None:
            return
        for number in sorted(typed):
            block = document.findBlockByNumber(number)
            if block.isValid():
                self.rehighlightBlock(block)

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt callback
        speller = self._speller()
        number = self.currentBlock().blockNumber()
        if speller is None or not text:
            self._spans.pop(number, None)
            return
        if number in self._typed:
            spans = self._moved_spans(number)
            if spans is None:
                spans = speller.known_misspelled_spans(text)
        else:
            spans = speller.misspelled_spans(text)
            self.full_checks += 1
        self._spans[number] = spans
        for start, end in spans:
            self.setFormat(start, end - start, self._format)

    def _moved_spans(self, number: int) -> list[tuple[int, int]] | None:
        """The paragraph's squiggles moved along by the keystroke just typed in it (the cheap
        path: no word is looked at). Those the edit touches wait for the pause: the word
        being typed is not judged half-written. None when it is not that simple."""
        edit, previous = self._edit, self._spans.get(number)
        if edit is None or edit[0] != number or previous is None:
            return None
        self._edit = None
        _number, at, removed, added = edit
        delta = added - removed
        return [(a, b) for a, b in previous if b < at] + [
            (a + delta, b + delta) for a, b in previous if a > at + removed
        ]


# ---------------------------------------------------------------- the handle on one widget


TextWidget = QPlainTextEdit | QTextEdit | QLineEdit


class SpellCheck(QObject):
    """Spell-check on one text widget (its child, named :data:`OBJECT_NAME`)."""

    def __init__(
        self,
        widget: TextWidget,
        enabled: bool,
        language: str,
        undo_stack: QUndoStack | None = None,
    ) -> None:
        super().__init__(widget)
        self.setObjectName(OBJECT_NAME)
        self.widget = widget
        self.enabled = enabled
        self.language = language
        self.undo_stack = undo_stack
        """Where the widget's edits go: a chosen suggestion is one step of its own there."""
        self.highlighter: SpellHighlighter | None = None
        self._line_timer: QTimer | None = None
        self._line_spans: list[tuple[int, int]] = []
        if isinstance(widget, QLineEdit):
            self._line_timer = QTimer(self)
            self._line_timer.setSingleShot(True)
            self._line_timer.setInterval(CHECK_DELAY_MS)
            self._line_timer.timeout.connect(self.check_line)
            widget.textChanged.connect(self._on_line_text_changed)
        loader().ready.connect(self._on_ready)
        self._apply()

    # ------------------------------------------------------------ state

    @property
    def speller(self) -> Speller | None:
        return loader().speller(self.language) if self.enabled else None

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        self._apply()

    def set_language(self, language: str) -> None:
        self.language = language
        self._apply()

    def _on_ready(self, language: str) -> None:
        if language == self.language and self.enabled:
            self._apply()

    def _apply(self) -> None:
        """Underline (or clear) the whole widget for the current switch and language."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            self.check_line()
            return
        if self.highlighter is None:
            self.highlighter = SpellHighlighter(widget.document(), lambda: self.speller)
        self.highlighter.rehighlight()

    # ------------------------------------------------------------ line edits

    def _on_line_text_changed(self, text: str) -> None:
        speller = self.speller
        # Positions move as the user types: show at once only words judged before.
        self._set_line_spans(speller.known_misspelled_spans(text) if speller else [])
        self._line_timer.start()  # type: ignore[union-attr]

    def check_line(self) -> None:
        if self._line_timer is not None:
            self._line_timer.stop()
        speller = self.speller
        self._set_line_spans(speller.misspelled_spans(self.widget.text()) if speller else [])

    def _set_line_spans(self, spans: list[tuple[int, int]]) -> None:
        if spans == self._line_spans:
            return
        self._line_spans = spans
        widget = self.widget
        cursor = widget.cursorPosition()  # the formats' positions count from the cursor
        fmt = _underline()
        attributes = [
            QInputMethodEvent.Attribute(
                QInputMethodEvent.AttributeType.TextFormat, start - cursor, end - start, fmt
            )
            for start, end in spans
        ]
        QCoreApplication.sendEvent(widget, QInputMethodEvent("", attributes))

    @property
    def underlined(self) -> list[tuple[int, int]]:
        """The spans underlined now (line edits), or found in the text (text edits)."""
        if isinstance(self.widget, QLineEdit):
            return list(self._line_spans)
        speller = self.speller
        return speller.misspelled_spans(self.widget.toPlainText()) if speller else []

    # ------------------------------------------------------------ the context menu

    def word_at(self, pos: QPoint) -> tuple[int, int, str] | None:
        """The word under ``pos`` as (start, end, word), if any. ``pos`` is where a context
        menu event is: in the viewport of a text edit, as Qt gives it, else in the widget."""
        from workbook.spelling import tokens

        widget = self.widget
        if isinstance(widget, QLineEdit):
            text, position = widget.text(), widget.cursorPositionAt(pos)
        else:
            text, position = widget.toPlainText(), widget.cursorForPosition(pos).position()
        for start, end, word in tokens(text):
            if start <= position <= end:
                return start, end, word
        return None

    def add_menu_entries(self, menu: QMenu, pos: QPoint) -> bool:
        """Put suggestions, "Add to dictionary" and "Ignore" at the top of ``menu`` when the
        word under ``pos`` is misspelt; True if it was."""
        speller = self.speller
        found = self.word_at(pos) if speller is not None else None
        if found is None or speller.is_correct(found[2]):  # type: ignore[union-attr]
            return False
        start, end, word = found
        first = menu.actions()[0] if menu.actions() else None
        entries: list[QAction] = []
        # A read-only field (a plan opened only to look at) offers no change of its text.
        read_only = self.widget.isReadOnly()
        offered = [] if read_only else speller.suggestions(word)  # type: ignore[union-attr]
        for suggestion in offered:
            action = QAction(suggestion, menu)
            font = action.font()
            font.setBold(True)
            action.setFont(font)
            action.triggered.connect(
                lambda _checked=False, s=suggestion: self.replace(start, end, s)
            )
            entries.append(action)
        if not entries and not read_only:
            none = QAction("(no suggestions)", menu)
            none.setEnabled(False)
            entries.append(none)
        add = QAction(f"Add “{word}” to dictionary", menu)
        add.triggered.connect(lambda _checked=False: self.add_to_dictionary(word))
        ignore = QAction("Ignore", menu)
        ignore.triggered.connect(lambda _checked=False: self.ignore(word))
        entries += [add, ignore]
        for action in entries:
            menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)
        return True

    def replace(self, start: int, end: int, text: str) -> None:
        """Put ``text`` in place of the characters from ``start`` to ``end``, as typing would
        (so the field commits it like any edit), as one undo step of its own: Undo puts
        the misspelt word back, not the typing before it too."""
        widget = self.widget
        stack = self.undo_stack
        if stack is not None:
            stack.beginMacro(f"Correct “{self._text()[start:end]}” to “{text}”")
        try:
            if isinstance(widget, QLineEdit):
                widget.setSelection(start, end - start)
                widget.insert(text)
                return
            cursor = widget.textCursor()
            cursor.setPosition(start)
            cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
            cursor.insertText(text)
            widget.setTextCursor(cursor)
        finally:
            if stack is not None:
                stack.endMacro()

    def _text(self) -> str:
        widget = self.widget
        return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()

    def add_to_dictionary(self, word: str) -> None:
        from workbook.spelling import add_to_dictionary

        try:
            add_to_dictionary(word, self.language)
        except OSError:
            pass  # accepted for this session; the dictionary file can be written next time
        _refresh_all()

    def ignore(self, word: str) -> None:
        speller = self.speller
        if speller is not None:
            speller.ignore(word)
        _refresh_all()

    def show_context_menu(self, pos: QPoint) -> None:
        """The widget's own menu with the spelling entries (for widgets whose class leaves
        the menu to Qt)."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            menu, origin = widget.createStandardContextMenu(), widget
        else:
            menu, origin = widget.createStandardContextMenu(pos), widget.viewport()
        self.add_menu_entries(menu, pos)
        menu.exec(origin.mapToGlobal(pos))
        menu.deleteLater()


def _handles() -> list[SpellCheck]:
    """Every spell-checked widget's handle, in every window."""
    from PySide6.QtWidgets import QApplication

    found = []
    for widget in QApplication.allWidgets():
        handle = widget.findChild(QObject, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
        if isinstance(handle, SpellCheck):
            found.append(handle)
    return found


def _refresh_all() -> None:
    """Every spell-checked widget looks again (a word was added or ignored)."""
    for handle in _handles():
        handle._apply()


def _menu_left_to_qt(widget: QWidget) -> bool:
    """Whether the widget's class shows Qt's own context menu (no override of ours)."""
    for base in (QPlainTextEdit, QTextEdit, QLineEdit):
        if isinstance(widget, base):
            return type(widget).contextMenuEvent is base.contextMenuEvent
    return False


def attach_spellcheck(
    widget: TextWidget,
    settings_enabled: bool | None = None,
    language: str | None = None,
    undo_stack: QUndoStack | None = None,
) -> SpellCheck:
    """Spell-check ``widget``: squiggles under misspelt words and spelling entries in its
    context menu. ``settings_enabled`` and ``language`` ("en_GB" or "en_US") default to
    the app's (:func:`set_spelling_options`), which every widget follows when they change;
    set them on the returned handle for this widget alone. ``undo_stack`` is where the
    widget's edits go, so that a chosen suggestion is one undo step there.

    A widget class with its own ``contextMenuEvent`` keeps its menu: it calls
    :func:`add_spelling_entries` from there to offer the spelling entries too."""
    options = spelling_options()
    enabled = options.enabled if settings_enabled is None else settings_enabled
    language = language or options.language
    existing = spellcheck_of(widget)
    if existing is not None:
        existing.enabled, existing.language = enabled, language
        existing.undo_stack = undo_stack or existing.undo_stack
        existing._apply()
        return existing
    handle = SpellCheck(widget, enabled, language, undo_stack)
    if _menu_left_to_qt(widget):
        widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        widget.customContextMenuRequested.connect(handle.show_context_menu)
    return handle


def spellcheck_of(widget: QWidget) -> SpellCheck | None:
    handle = widget.findChild(QObject, OBJECT_NAME, Qt.FindChildOption.FindDirectChildrenOnly)
    return handle if isinstance(handle, SpellCheck) else None


def add_spelling_entries(widget: QWidget, menu: QMenu, pos: QPoint) -> bool:
    """For a widget's own ``contextMenuEvent``: add the spelling entries for the word under
    ``pos`` (``event.pos()``) to ``menu``. False when the widget is not spell-checked or
    the word is fine."""
    handle = spellcheck_of(widget)
    return handle.add_menu_entries(menu, pos) if handle is not None else False
