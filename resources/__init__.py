"""The app's resources (worked examples, fonts, icons), installed as ``workbook_resources``."""
