"""Suite-wide configuration: every test runs headless.

The platform must be chosen before any QApplication exists, so it is set at import time of
this conftest, which pytest loads before pytest-qt creates the application.
"""
import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.fonts=false")
