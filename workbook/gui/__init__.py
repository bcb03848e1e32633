"""The desktop app (PySide6): a view over the Qt-free core in :mod:`workbook`."""

from workbook.gui.pyside_setup import skip_feature_source_scan

skip_feature_source_scan()
