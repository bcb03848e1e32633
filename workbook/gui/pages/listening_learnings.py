"""What the notes add up to: themes with counts (renamed and merged here), the sentiment mix,
and the five learnings."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from workbook.completeness import MIN_LISTENING_NOTES
from workbook.gui import questions
from workbook.gui.pages.notes_summary import NotesSummary
from workbook.gui.pages.theme_suggestions import rename_themes
from workbook.gui.widgets.layout import muted_label
from workbook.insights import normalise_tag
from workbook.model import Sentiment

THEME_HEADERS = ["Theme", "Notes", *(s.label for s in Sentiment)]
SENTIMENT_ROWS: list[tuple[Sentiment | None, str]] = [
    *((s, s.label) for s in Sentiment),
    (None, "Not judged yet"),
]
_VISIBLE_THEME_ROWS = 8


class LearningsSummary(QWidget):
    """Themes and sentiment counted from the notes; follows the notes as they change."""

    theme_activated = Signal(str)
    """The user picked a theme to see its notes."""

    def __init__(self, summary: NotesSummary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = summary
        self.count_label = QLabel(self)
        self.count_label.setObjectName("learnings_note_count")
        self.count_label.setWordWrap(True)

        self.themes_model = QStandardItemModel(0, len(THEME_HEADERS), self)
        self.themes_model.setHorizontalHeaderLabels(THEME_HEADERS)
        self.themes_view = QTableView(self)
        self.themes_view.setObjectName("listening.learnings.themes")
        self.themes_view.setAccessibleName("Themes in the listening notes, with counts")
        self.themes_view.setModel(self.themes_model)
        self.themes_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.themes_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several themes at once: a merge.
        self.themes_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.themes_view.setAlternatingRowColors(True)
        self.themes_view.verticalHeader().hide()
        self.themes_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.themes_view.setTabKeyNavigation(False)
        self.no_themes = muted_label(
            "No themes yet: give your notes a theme or two and they are counted here.", self
        )
        header = self.themes_view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.themes_view.activated.connect(self._on_theme_activated)
        self.themes_view.setToolTip(
            "Double-click a theme (or press Enter) to see its notes. Select two or more "
            "(Ctrl+click) to merge them."
        )
        self.rename_button = QPushButton("Rename theme…", self)
        self.rename_button.setToolTip("Give the selected theme a new name in every note")
        self.rename_button.clicked.connect(self.rename_selected)
        self.merge_button = QPushButton("Merge themes…", self)
        self.merge_button.setToolTip(
            "Make the selected themes one (spellings drift: “allergy”, “allergies”)"
        )
        self.merge_button.clicked.connect(self.merge_selected)
        theme_buttons = QHBoxLayout()
        theme_buttons.addWidget(self.rename_button)
        theme_buttons.addWidget(self.merge_button)
        theme_buttons.addStretch(1)
        self.themes_view.selectionModel().selectionChanged.connect(self._update_buttons)

        mix = QWidget(self)
        grid = QGridLayout(mix)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        self.sentiment_bars: dict[Sentiment | None, QProgressBar] = {}
        for row, (sentiment, label) in enumerate(SENTIMENT_ROWS):
            name = QLabel(label, mix)
            bar = QProgressBar(mix)
            bar.setObjectName(f"sentiment_{sentiment.value if sentiment else 'none'}")
            bar.setAccessibleName(f"{label} notes")
            bar.setTextVisible(True)
            name.setBuddy(bar)
            grid.addWidget(name, row, 0)
            grid.addWidget(bar, row, 1)
            self.sentiment_bars[sentiment] = bar
        grid.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.count_label)
        layout.addWidget(self.themes_view)
        layout.addLayout(theme_buttons)
        layout.addWidget(self.no_themes)
        layout.addWidget(muted_label("How people felt, across all notes:", self))
        layout.addWidget(mix)
        summary.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        summary = self.summary
        count = summary.note_count
        text = (
            f"{count} note{'s' if count != 1 else ''} so far, {len(summary.themes)} "
            f"theme{'s' if len(summary.themes) != 1 else ''}."
        )
        if count < MIN_LISTENING_NOTES:
            text += f" Aim for at least {MIN_LISTENING_NOTES} notes before drawing conclusions."
        self.count_label.setText(text)

        self.themes_view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        model = self.themes_model
        model.removeRows(0, model.rowCount())
        for theme in summary.themes:
            cells = [QStandardItem(theme.name), self._number(theme.count)]
            cells.extend(self._number(theme.sentiment.get(s, 0)) for s in Sentiment)
            cells[0].setData(theme.name, Qt.ItemDataRole.UserRole)
            model.appendRow(cells)
        self.themes_view.setVisible(model.rowCount() > 0)
        self.no_themes.setVisible(model.rowCount() == 0)
        self.rename_button.setVisible(model.rowCount() > 0)
        self.merge_button.setVisible(model.rowCount() > 1)
        self._update_buttons()
        rows = max(1, min(_VISIBLE_THEME_ROWS, model.rowCount()))
        height = (
            self.themes_view.horizontalHeader().sizeHint().height()
            + rows * self.themes_view.verticalHeader().defaultSectionSize()
            + 2 * self.themes_view.frameWidth()
        )
        self.themes_view.setFixedHeight(height)

        total = max(count, 1)
        for sentiment, bar in self.sentiment_bars.items():
            value = summary.sentiments.get(sentiment, 0)
            bar.setMaximum(total)
            bar.setValue(value)
            bar.setFormat(f"{value}  ({round(100 * value / total)}%)")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.refresh()

    @staticmethod
    def _number(value: int) -> QStandardItem:
        item = QStandardItem(str(value))
        item.setData(value, Qt.ItemDataRole.UserRole)
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return item

    def theme_names(self) -> list[str]:
        return [self.themes_model.item(r, 0).text() for r in range(self.themes_model.rowCount())]

    def count_of(self, theme: str) -> int | None:
        for row in range(self.themes_model.rowCount()):
            if self.themes_model.item(row, 0).text() == theme:
                return int(self.themes_model.item(row, 1).text())
        return None

    def _on_theme_activated(self, index: QModelIndex) -> None:
        name = self.themes_model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if name:
            self.theme_activated.emit(name)

    # ------------------------------------------------------------ renaming and merging

    def selected_themes(self) -> list[str]:
        rows = sorted({index.row() for index in self.themes_view.selectionModel().selectedRows()})
        return [self.themes_model.item(row, 0).text() for row in rows]

    def select_themes(self, names: list[str]) -> None:
        wanted = {normalise_tag(name) for name in names}
        selection = self.themes_view.selectionModel()
        selection.clearSelection()
        for row in range(self.themes_model.rowCount()):
            if normalise_tag(self.themes_model.item(row, 0).text()) in wanted:
                selection.select(
                    self.themes_model.index(row, 0),
                    selection.SelectionFlag.Select | selection.SelectionFlag.Rows,
                )

    def _update_buttons(self, *_args: object) -> None:
        count = len(self.selected_themes())
        self.rename_button.setEnabled(count == 1)
        self.merge_button.setEnabled(count >= 2)

    def rename_selected(self) -> None:
        names = self.selected_themes()
        if len(names) != 1:
            return
        new = questions.ask_theme_name(
            self,
            "Rename a theme",
            f"New name for “{names[0]}”. Every note tagged with it, and every entry drawn "
            "from it, changes too:",
            names[0],
        )
        if new is not None:
            self._rename(names, new)

    def merge_selected(self) -> None:
        names = self.selected_themes()
        if len(names) < 2:
            return
        listed = ", ".join(f"“{name}”" for name in names)
        new = questions.ask_theme_name(self, "Merge themes", f"One name for {listed}:", names[0])
        if new is not None:
            self._rename(names, new)

    def _rename(self, names: list[str], new: str) -> None:
        if rename_themes(self.summary.document, names, new):
            self.summary.recount()  # show the new name now, not after the usual pause
            self.select_themes([new])
