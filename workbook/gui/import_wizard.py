"""File ▸ Import listening notes…: a dialog that reads a CSV, TSV, XLSX or ODS file off the UI
thread, maps its columns to note fields, previews the rows with their problems, and adds
the new notes to the plan as one undo step.

The reading and the conversion run on a worker thread (``QThreadPool``), with progress sent
back by signals; the dialog only shows what they found. The file dialog is behind
:func:`ask_import_path`, so tests answer it.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from workbook.gui.document import PlanDocument
    from workbook.gui.main_window import MainWindow
    from workbook.importing.notes import ImportResult
    from workbook.importing.table import ReadOptions, Table

NOTES = ("listening", "notes")
IMPORT_FILTER = (
    "Tables (*.csv *.tsv *.tab *.txt *.xlsx *.xlsm *.xls *.ods);;"
    "Text tables (*.csv *.tsv *.tab *.txt);;Spreadsheets (*.xlsx *.xlsm *.xls *.ods);;"
    "All files (*)"
)
NOT_IMPORTED = "— not imported —"
GUESS = "guess"
DELIMITER_CHOICES = (("Detect", None), ("Commas", ","), ("Semicolons", ";"), ("Tabs", "\t"),
                     ("Vertical bars", "|"))  # fmt: skip


def ask_import_path(parent: QWidget | None, folder: Path) -> Path | None:
    """The file to import, or None if the user cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent, "Import listening notes", str(folder), IMPORT_FILTER
    )
    return Path(path) if path else None


# ---------------------------------------------------------------- work off the UI thread


class Cancelled(Exception):
    """The user closed the dialog while the work went on."""


class _TaskSignals(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)


class _Task(QRunnable):
    """Runs ``work(progress)`` on a pool thread and reports through ``signals``."""

    def __init__(self, work: Any, signals: _TaskSignals, stop: threading.Event) -> None:
        super().__init__()
        self.work, self.signals, self.stop = work, signals, stop

    def _progress(self, done: int, total: int) -> None:
        if self.stop.is_set():
            raise Cancelled
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        from workbook.importing.table import ImportFileError

        try:
            result = self.work(self._progress)
        except Cancelled:
            return
        except ImportFileError as error:
            self.signals.failed.emit(str(error))
            return
        except Exception as error:  # a bug: say so in words, never leave the dialog waiting
            self.signals.failed.emit(
                f"The file could not be imported ({type(error).__name__}: {error}). "
                "Nothing was changed."
            )
            return
        if not self.stop.is_set():
            self.signals.finished.emit(result)


# ---------------------------------------------------------------- the dialog


class ImportDialog(QDialog):
    """Pick a file, check how it was read and which column fills which field, see the first
    rows as they will come in, then Import."""

    def __init__(self, document: PlanDocument, folder: Path, parent: QWidget | None = None):
        super().__init__(parent)
        from workbook.importing.columns import NOTE_FIELDS, PRESETS, field_title

        self.setWindowTitle("Import listening notes")
        self.setObjectName("import_notes_dialog")
        self.document = document
        self.path: Path | None = None
        self.folder = folder
        self.table: Table | None = None
        self.imported: ImportResult | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._stop = threading.Event()
        self._signals = _TaskSignals(self)
        self._signals.progress.connect(self._on_progress)
        self._signals.failed.connect(self._on_failed)
        self._on_done = self._on_read
        self._signals.finished.connect(lambda value: self._on_done(value))

        layout = QVBoxLayout(self)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setReadOnly(True)
        self.path_edit.setPlaceholderText("No file chosen yet")
        self.path_edit.setAccessibleName("File to import")
        self.choose_button = QPushButton("&Choose file…", self)
        self.choose_button.clicked.connect(self.choose_file)
        file_row.addWidget(QLabel("File:", self))
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.choose_button)
        layout.addLayout(file_row)

        self.read_label = QLabel(self)
        self.read_label.setObjectName("import_read_as")
        self.read_label.setWordWrap(True)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("import_error")
        self.error_label.setWordWrap(True)
        font = self.error_label.font()
        font.setBold(True)
        self.error_label.setFont(font)
        self.error_label.hide()
        layout.addWidget(self.read_label)
        layout.addWidget(self.error_label)

        options = QHBoxLayout()
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setAccessibleName("Delimiter")
        for label, value in DELIMITER_CHOICES:
            self.delimiter_combo.addItem(label, value)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setAccessibleName("Sheet")
        self.dates_combo = QComboBox(self)
        self.dates_combo.setAccessibleName("Dates such as 03/04/2024")
        self.dates_combo.addItem("Decide from the file", None)
        self.dates_combo.addItem("Day first (31/12/2024)", "day_first")
        self.dates_combo.addItem("Month first (12/31/2024)", "month_first")
        self.preset_combo = QComboBox(self)
        self.preset_combo.setAccessibleName("Columns of")
        self.preset_combo.addItem("Guess from the headers", GUESS)
        for preset in PRESETS:
            self.preset_combo.addItem(preset.label, preset.key)
        form = QFormLayout()
        form.addRow("&Delimiter:", self.delimiter_combo)
        form.addRow("S&heet:", self.sheet_combo)
        form2 = QFormLayout()
        form2.addRow("Da&tes:", self.dates_combo)
        form2.addRow("Columns &of:", self.preset_combo)
        options.addLayout(form)
        options.addLayout(form2, 1)
        layout.addLayout(options)

        group = QGroupBox("Which column goes into which field", self)
        grid = QGridLayout(group)
        self.field_combos: dict[str, QComboBox] = {}
        for number, name in enumerate(NOTE_FIELDS):
            combo = QComboBox(group)
            combo.setObjectName(f"import_column_{name}")
            combo.setAccessibleName(field_title(name))
            label = QLabel(f"{field_title(name)}:", group)
            label.setBuddy(combo)
            row, column = divmod(number, 3)
            grid.addWidget(label, row, column * 2)
            grid.addWidget(combo, row, column * 2 + 1)
            combo.currentIndexChanged.connect(self._on_mapping_changed)
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(len(NOT_IMPORTED))
            self.field_combos[name] = combo
        for column in (1, 3, 5):
            grid.setColumnStretch(column, 1)
        layout.addWidget(group)

        self.preview = QTableWidget(self)
        self.preview.setObjectName("import_preview")
        self.preview.setAccessibleName("Preview of the first rows")
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().hide()
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.preview.setWordWrap(False)
        layout.addWidget(self.preview, 1)

        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("import_summary")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)
        self.progress = QProgressBar(self)
        self.progress.setTextVisible(True)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(
            "&Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.delimiter_combo.activated.connect(lambda _i: self._reread())
        self.sheet_combo.activated.connect(lambda _i: self._reread())
        self.dates_combo.currentIndexChanged.connect(lambda _i: self.refresh_preview())
        self.preset_combo.activated.connect(lambda _i: self._apply_guess())
        self._set_options_enabled(False)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 130, metrics.lineSpacing() * 34)

    # ------------------------------------------------------------ reading the file

    def choose_file(self) -> None:
        path = ask_import_path(self, self.folder)
        if path is not None:
            self.start_read(path)

    def start_read(self, path: Path, options: ReadOptions | None = None) -> None:
        """Read ``path`` on the worker thread; the dialog fills in when it is done."""
        from workbook.gui.privacy import display_path
        from workbook.importing.table import ReadOptions, read_table

        self.path = Path(path)
        self.folder = self.path.parent
        self.path_edit.setText(display_path(self.path))  # the file name alone in a workshop
        self.table = None
        self.import_button.setEnabled(False)
        self._set_options_enabled(False)
        self.error_label.hide()
        self.read_label.setText(f"Reading “{self.path.name}”…")
        options = options or ReadOptions()
        target = self.path
        self._run(lambda _progress: read_table(target, options), self._on_read, busy=True)

    def _reread(self) -> None:
        from workbook.importing.table import ReadOptions

        if self.path is None:
            return
        sheet = self.sheet_combo.currentText() or None
        self.start_read(self.path, ReadOptions(self.delimiter_combo.currentData(), sheet))

    def _run(self, work: Any, done: Any, busy: bool = False) -> None:
        self._on_done = done
        self.progress.setRange(0, 0 if busy else 100)
        self.progress.setValue(0)
        self.progress.show()
        self.pool.start(_Task(work, self._signals, self._stop))

    def _on_progress(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_failed(self, message: str) -> None:
        self.progress.hide()
        self.read_label.setText("")
        self.error_label.setText(message)
        self.error_label.show()
        self.import_button.setEnabled(False)
        self.choose_button.setEnabled(True)
        self._set_options_enabled(self.table is not None)

    def _on_read(self, table: Table) -> None:
        self.progress.hide()
        self.table = table
        self.read_label.setText(f"Read as: {table.describe()}.")
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(list(table.sheets))
        if table.sheet:
            self.sheet_combo.setCurrentText(table.sheet)
        self.sheet_combo.blockSignals(False)
        for combo in self.field_combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(NOT_IMPORTED, -1)
            for index, header in enumerate(table.headers):
                combo.addItem(header, index)
            combo.blockSignals(False)
        self._set_options_enabled(True)
        self._apply_guess()

    def _set_options_enabled(self, enabled: bool) -> None:
        table = self.table
        self.delimiter_combo.setEnabled(enabled and table is not None and not table.from_sheet)
        self.sheet_combo.setEnabled(enabled and table is not None and len(table.sheets) > 1)
        for widget in (self.dates_combo, self.preset_combo, *self.field_combos.values()):
            widget.setEnabled(enabled)

    # ------------------------------------------------------------ the columns

    def _apply_guess(self) -> None:
        from workbook.importing.columns import guess_mapping

        if self.table is None:
            return
        chosen = self.preset_combo.currentData()
        mapping, preset = guess_mapping(self.table.headers, None if chosen == GUESS else chosen)
        text = f"Read as: {self.table.describe()}."
        if chosen == GUESS and preset is not None:
            label = self.preset_combo.itemText(self.preset_combo.findData(preset))
            text += f" The columns look like: {label}."
        self.read_label.setText(text)
        self.set_mapping(mapping)

    def set_mapping(self, mapping: dict[str, int]) -> None:
        for name, combo in self.field_combos.items():
            combo.blockSignals(True)
            combo.setCurrentIndex(combo.findData(mapping.get(name, -1)))
            combo.blockSignals(False)
        self.refresh_preview()

    def mapping(self) -> dict[str, int]:
        return {
            name: combo.currentData()
            for name, combo in self.field_combos.items()
            if combo.currentData() is not None and combo.currentData() >= 0
        }

    def _on_mapping_changed(self, _index: int) -> None:
        # One column fills one field: choosing it for one field takes it from another.
        sender = self.sender()
        column = sender.currentData() if isinstance(sender, QComboBox) else None
        if column is not None and column >= 0:
            for combo in self.field_combos.values():
                if combo is not sender and combo.currentData() == column:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(0)
                    combo.blockSignals(False)
        self.refresh_preview()

    def _order(self) -> Any:
        from workbook.importing.values import DateOrder

        value = self.dates_combo.currentData()
        return DateOrder(value) if value else None

    # ------------------------------------------------------------ the preview

    def refresh_preview(self) -> None:
        """Convert the first rows as they would be imported, and show them with problems."""
        from workbook.importing.columns import field_title
        from workbook.importing.notes import PREVIEW_ROWS, RowStatus, convert, existing_keys
        from workbook.importing.values import cell_text

        table = self.table
        if table is None:
            return
        mapping = self.mapping()
        existing = existing_keys(self.document.rows(NOTES))
        result = convert(table, mapping, existing=existing, order=self._order(), limit=PREVIEW_ROWS)
        fields = list(mapping)
        headers = ["Row", "Status", "Problems"] + [field_title(name) for name in fields]
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setHorizontalHeaderLabels(headers)
        self.preview.setRowCount(len(result.outcomes))
        for row, outcome in enumerate(result.outcomes):
            cells = [str(outcome.row), outcome.status.label, "; ".join(outcome.problems)]
            note = outcome.note
            for name in fields:
                cells.append(_shown(getattr(note, name)) if note is not None else "")
            if note is None:  # a row not coming in: show what the file holds
                source = table.rows[row]
                for offset, name in enumerate(fields, start=3):
                    cells[offset] = cell_text(source[mapping[name]])
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text.replace("\n", " ⏎ "))
                item.setToolTip(text if len(text) > 40 or column == 2 else "")
                if outcome.status == RowStatus.FAILED:
                    item.setForeground(Qt.GlobalColor.darkRed)
                elif outcome.status != RowStatus.NEW:
                    item.setForeground(Qt.GlobalColor.gray)
                self.preview.setItem(row, column, item)
        self.preview.resizeColumnsToContents()
        for column in range(self.preview.columnCount()):
            self.preview.setColumnWidth(column, min(self.preview.columnWidth(column), 320))
        shown = len(result.outcomes)
        total = len(table.rows)
        rows = f"{total:,} row{'s' if total != 1 else ''} in the file"
        if shown < total:
            lines = [f"{rows}. Of the first {shown}: {result.summary()}."]
        else:
            lines = [f"{rows}: {result.summary()}."]
        if result.date_order is not None:
            lines.append(f"Dates such as 03/04/2024 are read {result.date_order.label}.")
        elif result.ambiguous_dates:
            lines.append(
                "Dates such as 03/04/2024 could be read either way; they are read day first. "
                "Choose Month first above if that is wrong."
            )
        if not mapping:
            lines.append("Choose at least one column to import.")
        self.summary_label.setText(" ".join(lines))
        self.import_button.setEnabled(bool(mapping))

    # ------------------------------------------------------------ importing

    def start_import(self) -> None:
        """Convert every row on the worker thread; the notes go in when it is done."""
        from workbook.importing.notes import convert, existing_keys

        table = self.table
        if table is None:
            return
        mapping, order = self.mapping(), self._order()
        existing = existing_keys(self.document.rows(NOTES))
        self.import_button.setEnabled(False)
        self._set_options_enabled(False)
        self.choose_button.setEnabled(False)
        self.summary_label.setText(f"Importing {len(table.rows):,} rows…")
        self._run(
            lambda progress: convert(
                table, mapping, existing=existing, order=order, progress=progress
            ),
            self._on_converted,
        )

    def _on_converted(self, result: ImportResult) -> None:
        self.progress.hide()
        self.imported = result
        if result.notes:
            rows = self.document.rows(NOTES)
            count = len(result.notes)
            self.document.insert_rows(
                NOTES, len(rows), result.notes, f"Import {count} note{'s' if count != 1 else ''}"
            )
        self.accept()

    def reject(self) -> None:
        self._stop.set()  # a read or conversion under way stops at its next progress report
        super().reject()

    def done(self, code: int) -> None:
        self._stop.set()
        super().done(code)

    def wait_for_work(self, msecs: int = 30_000) -> bool:
        """Wait for the worker thread (tests, and closing the window)."""
        return self.pool.waitForDone(msecs)


def _shown(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(value)
    label = getattr(value, "label", None)
    if isinstance(label, str):
        return label
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


# ---------------------------------------------------------------- the window's menu item


def import_notes(window: MainWindow) -> ImportResult | None:
    """Run the import for the window's plan; returns what was imported, or None."""
    if not window.has_plan:
        return None
    plan_path = window.document.file_path
    path = ask_import_path(window, plan_path.parent if plan_path is not None else Path.home())
    if path is None:
        return None
    dialog = ImportDialog(window.document, path.parent, window)
    dialog.start_read(path)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.wait_for_work()
    result = dialog.imported if accepted else None
    dialog.deleteLater()
    if result is not None:
        from workbook.gui.pages import PageId

        window.go_to_page(PageId.LISTENING)
        message = f"Imported {result.imported:,} notes from {path.name}"
        if result.skipped or result.failed:
            message += f" ({result.skipped:,} skipped, {result.failed:,} not imported)"
        window.statusBar().showMessage(f"{message}. Undo takes them out again.", 10_000)
    return result
