"""Social Media Value Workbook: a social media strategy in four stages, exported as a PDF."""

from importlib import metadata as _metadata

APP_NAME = "Social Media Value Workbook"
APP_ID = "social-media-value-workbook"
ORG_NAME = "SocialMediaValueWorkbook"

try:
    __version__ = _metadata.version("social-media-value-workbook")
except _metadata.PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.1.0"
