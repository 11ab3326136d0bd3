"""The interface language: English (the source strings) or Japanese (resources/i18n/forum_atlas_ja.qm).

Chosen by View › Language, saved in the settings; until the user chooses, by the system locale. The choice is
applied when the window next opens: every text is set once, when its widget is made, so a live switch would
mean rebuilding the window. Qt's own Japanese strings (qtbase_ja.qm: the file and print dialogs' buttons) are
loaded with ours. ``make translations`` refreshes the .ts from the code and builds the .qm.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui import settings as S
from model import paths

LANGUAGES = (("en", "English"), ("ja", "\u65e5\u672c\u8a9e"))  # each named in its own language: never translated
# Qt's file dialog labels two fields "&Look in:" and "Files of &type:", which its qtbase_ja.qm lacks (it has them
# without the "&"): the save dialogs showed them in English. Our catalogue, asked first, has them.
QT_GAPS = (QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"), QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"))
_installed: list[QTranslator] = []
_language = ["en"]


def catalogue(language: str) -> Path:
    """The compiled translation of the interface into ``language``."""
    return paths.resource("i18n", f"forum_atlas_{language}.qm")


def chosen(settings: S.Settings | None = None) -> str:
    """The language the user chose, or the system's when it is one we have; else English."""
    saved = (settings or S.Settings()).get(S.LANGUAGE)
    if saved in dict(LANGUAGES):
        return saved
    return "ja" if QLocale.system().language() == QLocale.Language.Japanese else "en"


def install(language: str) -> bool:
    """Translate the interface into ``language`` from now on (English: remove any translation).
    False when its catalogue is missing (the window stays English)."""
    app = QCoreApplication.instance()
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    _language[0] = "en"
    if language == "en":
        QLocale.setDefault(QLocale.system())  # dates and numbers as the system writes them, as without a translation
        return True
    ours = QTranslator(app)
    if not ours.load(str(catalogue(language))):
        return False
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    app.installTranslator(ours)
    _installed.append(ours)
    QLocale.setDefault(QLocale(language))
    _language[0] = language
    return True


def current() -> str:
    """The language the interface is in now."""
    return _language[0]


def translate(context: str, text: str) -> str:
    """``text`` in the interface's language; lupdate finds the literal calls (``translate("Context", "…")``)."""
    return QCoreApplication.translate(context, text)
