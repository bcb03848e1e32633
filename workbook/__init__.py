"""Social Media Value Workbook: a social media strategy in four stages, exported as a PDF."""

APP_NAME = "Social Media Value Workbook"
APP_ID = "social-media-value-workbook"
ORG_NAME = "SocialMediaValueWorkbook"

# Kept equal to pyproject.toml's version by tests/core/test_version.py; a constant because
# importlib.metadata costs tens of milliseconds at start-up.
__version__ = "0.1.0"
