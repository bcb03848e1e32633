"""The Preferences dialog (consultant profile, saving, text size, colours, spelling) and logo
preparation."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QImage,
    QImageReader,
    QPalette,
    QPixmap,
    QRegularExpressionValidator,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbook.atomic import write_atomic
from workbook.branding import is_accent
from workbook.gui import dialogs
from workbook.gui.icons import icon
from workbook.gui.settings import AUTOSAVE_RANGE, TEXT_SCALES, Settings, branding_dir
from workbook.gui.spell_highlighter import set_spelling_options
from workbook.gui.theme import apply_theme
from workbook.spelling import LANGUAGES as SPELLING_LANGUAGES

THEME_LABELS = {
    "system": "Follow the system",
    "light": "Light",
    "dark": "Dark",
}

MAX_LOGO_SIDE = 1200
"""A stored logo is at most this many pixels wide or high (plenty for a printed cover)."""
MAX_SOURCE_PIXELS = 50_000_000
"""Pictures larger than this (e.g. 20000 × 20000) are refused before they are decoded."""
DECODE_LIMIT_MB = 256


class LogoError(Exception):
    """A picture that cannot be used as a logo; the message says why and what to do."""


def _looks_like_text(path: Path) -> bool:
    try:
        head = path.read_bytes()[:512]
    except OSError:
        return False
    if not head:
        return False
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return all(ch.isprintable() or ch in "\r\n\t" for ch in text)


def prepare_logo(source: Path, folder: Path | None = None) -> Path:
    """Check ``source`` is a usable picture and store a PNG copy, at most
    :data:`MAX_LOGO_SIDE` pixels on its longer side, in ``folder``. Returns the copy's path.

    Raises :class:`LogoError` with a message for the user when the file is missing, is not
    a picture (whatever its name says), is damaged, or is absurdly large.
    """
    folder = folder or branding_dir()
    name = source.name
    if not source.is_file():
        raise LogoError(f"“{name}” could not be found. Choose the file again.")
    reader = QImageReader(str(source))
    reader.setDecideFormatFromContent(True)
    reader.setAllocationLimit(DECODE_LIMIT_MB)
    if not reader.canRead():
        if source.stat().st_size == 0:
            raise LogoError(f"“{name}” is empty. Choose a PNG or JPEG picture of your logo.")
        if _looks_like_text(source):
            raise LogoError(
                f"“{name}” is a text file, not a picture, even though its name "
                "says otherwise. Choose a PNG or JPEG picture of your logo."
            )
        raise LogoError(
            f"“{name}” is not a picture this app can read. "
            "Choose a PNG or JPEG picture of your logo."
        )
    size = reader.size()
    if size.isValid():
        if size.width() * size.height() > MAX_SOURCE_PIXELS:
            raise LogoError(
                f"“{name}” is {size.width():,} × {size.height():,} pixels, far too large for "
                f"a logo. Save a smaller version (up to {MAX_LOGO_SIDE} pixels wide is "
                "plenty) and choose that."
            )
        if max(size.width(), size.height()) > MAX_LOGO_SIDE:
            # Decoding at the smaller size keeps memory low for big photos (JPEG does it natively).
            reader.setScaledSize(
                size.scaled(QSize(MAX_LOGO_SIDE, MAX_LOGO_SIDE), Qt.AspectRatioMode.KeepAspectRatio)
            )
    image = reader.read()
    if image.isNull():
        raise LogoError(
            f"“{name}” looks like a picture but is damaged and cannot be read "
            f"({reader.errorString()}). Export it again from the program that "
            "made it, or choose another file."
        )
    if max(image.width(), image.height()) > MAX_LOGO_SIDE:
        image = image.scaled(
            MAX_LOGO_SIDE,
            MAX_LOGO_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    data = _png_bytes(image)
    target = folder / f"logo-{hashlib.sha256(data).hexdigest()[:12]}.png"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_atomic(target, data)
    except OSError as error:
        raise LogoError(
            f"The logo could not be stored in {folder}: {error.strerror or error}."
        ) from None
    return target


def _png_bytes(image: QImage) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(array.data())


def remove_unused_logos(keep: Path | None, folder: Path | None = None) -> None:
    folder = folder or branding_dir()
    for old in folder.glob("logo-*.png"):
        if keep is None or old.resolve() != keep.resolve():
            try:
                old.unlink()
            except OSError:
                pass  # tidying up only


class PreferencesDialog(QDialog):
    """Edits the settings; nothing is stored unless the user presses OK."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        self.setObjectName("preferences")
        self.logo: Path | None = settings.logo_path
        layout = QVBoxLayout(self)

        profile = QGroupBox("Consultant profile (printed on exported PDFs)")
        form = QFormLayout(profile)
        self.name_edit = self._line(
            settings.consultant_name,
            "Your name",
            "Printed on the cover as the person who prepared the plan.",
        )
        self.company_edit = self._line(
            settings.consultant_company, "Your company", "Printed on the cover beside your name."
        )
        form.addRow("&Name:", self.name_edit)
        form.addRow("&Company:", self.company_edit)

        logo_row = QHBoxLayout()
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logo_preview")
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setMinimumSize(QSize(160, 64))
        self.logo_preview.setAccessibleName("Logo preview")
        choose = QPushButton("C&hoose logo…")
        choose.setAccessibleDescription("A PNG or JPEG picture; large pictures are scaled down.")
        self.remove_logo_button = QPushButton("&Remove logo")
        choose.clicked.connect(self.choose_logo)
        self.remove_logo_button.clicked.connect(self.clear_logo)
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(choose)
        logo_row.addWidget(self.remove_logo_button)
        logo_row.addStretch()
        form.addRow("Logo:", logo_row)
        # A warning icon and plain text: readable in any palette, unlike a coloured label.
        self.logo_problem = QWidget()
        problem_row = QHBoxLayout(self.logo_problem)
        problem_row.setContentsMargins(0, 0, 0, 0)
        warning = QLabel()
        size = self.fontMetrics().height()
        warning.setPixmap(icon("warning").pixmap(QSize(size, size)))
        warning.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.logo_message = QLabel()
        self.logo_message.setObjectName("logo_message")
        self.logo_message.setWordWrap(True)
        self.logo_message.setTextFormat(Qt.TextFormat.PlainText)
        problem_row.addWidget(warning)
        problem_row.addWidget(self.logo_message, 1)
        self.logo_problem.hide()
        form.addRow("", self.logo_problem)

        accent_row = QHBoxLayout()
        self.accent_edit = self._line(
            settings.accent, "Accent colour", "Used for headings and rules in the PDF, as #RRGGBB."
        )
        self.accent_edit.setValidator(QRegularExpressionValidator(r"#[0-9A-Fa-f]{0,6}"))
        self.accent_edit.setMaxLength(7)
        self.accent_swatch = QLabel()
        self.accent_swatch.setFixedSize(QSize(32, 20))
        self.accent_swatch.setAutoFillBackground(True)
        pick = QPushButton("&Pick…")
        pick.clicked.connect(self.pick_accent)
        self.accent_edit.textChanged.connect(self._update_swatch)
        accent_row.addWidget(self.accent_edit)
        accent_row.addWidget(self.accent_swatch)
        accent_row.addWidget(pick)
        accent_row.addStretch()
        form.addRow(self._buddy("&Accent colour:", self.accent_edit), accent_row)
        layout.addWidget(profile)

        files = QGroupBox("Files and saving")
        files_form = QFormLayout(files)
        folder_row = QHBoxLayout()
        self.folder_edit = self._line(
            str(settings.default_folder), "Default folder", "Where Open and Save As start."
        )
        browse = QPushButton("&Browse…")
        browse.clicked.connect(self.choose_folder)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(browse)
        files_form.addRow(self._buddy("&Default folder:", self.folder_edit), folder_row)
        self.autosave_spin = QSpinBox()
        self.autosave_spin.setRange(*AUTOSAVE_RANGE)
        self.autosave_spin.setSuffix(" s")
        self.autosave_spin.setValue(settings.autosave_seconds)
        self.autosave_spin.setAccessibleName("Recovery copy delay in seconds")
        self.autosave_spin.setAccessibleDescription(
            "How long after your last edit a recovery copy is written."
        )
        files_form.addRow("Recovery copy &after:", self.autosave_spin)
        self.save_to_file_check = QCheckBox("Also &save automatically to the plan file")
        self.save_to_file_check.setChecked(settings.save_to_file_automatically)
        self.save_to_file_check.setAccessibleDescription(
            "When on, your plan file is saved on the same schedule. When off, only Save "
            "writes the file; recovery copies are always kept."
        )
        files_form.addRow("", self.save_to_file_check)
        layout.addWidget(files)

        view = QGroupBox("View")
        view_form = QFormLayout(view)
        self.text_scale_combo = QComboBox()
        self.text_scale_combo.setAccessibleName("Text size")
        for scale in TEXT_SCALES:
            label = f"{scale}%" + (" (normal)" if scale == 100 else "")
            self.text_scale_combo.addItem(label, scale)
        self.text_scale_combo.setCurrentIndex(TEXT_SCALES.index(settings.text_scale))
        view_form.addRow("&Text size:", self.text_scale_combo)
        self.theme_combo = QComboBox()
        self.theme_combo.setAccessibleName("Colours")
        for theme, label in THEME_LABELS.items():
            self.theme_combo.addItem(label, theme)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(settings.theme))
        # Shown at once, so the choice can be judged; Cancel puts the old colours back.
        self.theme_combo.currentIndexChanged.connect(
            lambda _i: apply_theme(QApplication.instance(), self.theme_combo.currentData())
        )
        view_form.addRow("C&olours:", self.theme_combo)
        layout.addWidget(view)

        spelling = QGroupBox("Spelling")
        spelling_form = QFormLayout(spelling)
        self.spell_check = QCheckBox("Check spelling as I t&ype")
        self.spell_check.setChecked(settings.spell_check)
        self.spell_check.setAccessibleDescription(
            "Misspelt words get a red wavy underline; right-click one for suggestions. "
            "Ctrl+F7 switches this on and off."
        )
        spelling_form.addRow("", self.spell_check)
        self.spelling_language = QComboBox()
        self.spelling_language.setAccessibleName("Spelling language")
        for code, name in SPELLING_LANGUAGES.items():
            self.spelling_language.addItem(name, code)
        self.spelling_language.setCurrentIndex(
            self.spelling_language.findData(settings.spelling_language)
        )
        spelling_form.addRow("Spelling &language:", self.spelling_language)
        layout.addWidget(spelling)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._show_logo()
        self._update_swatch()

    @staticmethod
    def _buddy(text: str, widget: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(widget)
        return label

    @staticmethod
    def _line(text: str, name: str, description: str) -> QLineEdit:
        edit = QLineEdit(text)
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(description)
        return edit

    # ------------------------------------------------------------ logo and colour

    def choose_logo(self) -> None:
        path = dialogs.ask_image_path(self, Path.home())
        if path is not None:
            self.use_logo_file(path)

    def use_logo_file(self, path: Path) -> bool:
        """Validate and prepare ``path``; on failure the message shows in the dialog."""
        try:
            self.logo = prepare_logo(path)
        except LogoError as error:
            self.logo_message.setText(str(error))
            self.logo_problem.show()
            return False
        self.logo_problem.hide()
        self.logo_message.clear()
        self._show_logo()
        return True

    def clear_logo(self) -> None:
        self.logo = None
        self._show_logo()

    def _show_logo(self) -> None:
        self.remove_logo_button.setEnabled(self.logo is not None)
        if self.logo is None:
            self.logo_preview.setPixmap(QPixmap())
            self.logo_preview.setText("No logo")
            return
        pixmap = QPixmap(str(self.logo))
        self.logo_preview.setPixmap(
            pixmap.scaled(
                QSize(160, 64) * self.devicePixelRatioF(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def pick_accent(self) -> None:
        colour = dialogs.ask_colour(self, self.accent_edit.text())
        if colour is not None:
            self.accent_edit.setText(colour)

    def _update_swatch(self) -> None:
        text = self.accent_edit.text()
        palette = self.accent_swatch.palette()
        if is_accent(text):
            palette.setColor(QPalette.ColorRole.Window, QColor(text))
            self.accent_swatch.setToolTip(text.upper())
        else:
            palette.setColor(
                QPalette.ColorRole.Window, self.palette().color(QPalette.ColorRole.Window)
            )
        self.accent_swatch.setPalette(palette)

    def choose_folder(self) -> None:
        folder = dialogs.ask_folder(
            self, "Default folder for plans", Path(self.folder_edit.text() or Path.home())
        )
        if folder is not None:
            self.folder_edit.setText(str(folder))

    # ------------------------------------------------------------ storing

    def accept(self) -> None:
        s = self.settings
        s.consultant_name = self.name_edit.text()
        s.consultant_company = self.company_edit.text()
        if is_accent(self.accent_edit.text()):
            s.accent = self.accent_edit.text()
        s.logo_path = self.logo
        remove_unused_logos(self.logo)
        folder = Path(self.folder_edit.text().strip()) if self.folder_edit.text().strip() else None
        s.default_folder = folder if folder and folder.is_dir() else None
        s.autosave_seconds = self.autosave_spin.value()
        s.save_to_file_automatically = self.save_to_file_check.isChecked()
        s.text_scale = int(self.text_scale_combo.currentData())
        s.theme = str(self.theme_combo.currentData())
        s.spell_check = self.spell_check.isChecked()
        s.spelling_language = str(self.spelling_language.currentData())
        s.sync()
        # At once, in every open field of every window (the setting is the app's).
        set_spelling_options(s.spell_check, s.spelling_language)
        super().accept()

    def reject(self) -> None:
        apply_theme(QApplication.instance(), self.settings.theme)
        super().reject()

    @classmethod
    def edit(cls, settings: Settings, parent: QWidget | None = None) -> bool:
        """Show the dialog; True when the user pressed OK (settings are then stored)."""
        return cls(settings, parent).exec() == QDialog.DialogCode.Accepted
