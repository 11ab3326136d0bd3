"""The window's remembered settings, each declared once with its type and default.

Read and written through :class:`Settings` (QSettings underneath, in the platform's settings folder). A stored
value of the wrong type (an older version, a hand-edited file) reads as the default, never as an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T


# Where the window was and how it was laid out (Qt's own opaque state blobs).
GEOMETRY = Setting("geometry", QByteArray, QByteArray())
WINDOW_STATE = Setting("window/state", QByteArray, QByteArray())  # docks (the basket) and the toolbar
BASKET_SHARE = Setting("window/basketShare", float, 0.0)  # the basket dock's share of the width (gui/dock_share.py)
UPPER_SPLIT = Setting("splitter/upper", QByteArray, QByteArray())  # tree | detail
OUTER_SPLIT = Setting("splitter/outer", QByteArray, QByteArray())  # panes above | timeline
LEFT_SPLIT = Setting("splitter/left", QByteArray, QByteArray())  # search results above | tree
DETAIL_SPLIT = Setting("splitter/detail", QByteArray, QByteArray())  # detail pane above | note editor
# How the window reads (gui/view_options.py): text size, the timeline's legend (1 shown, 0 folded).
TEXT_ZOOM = Setting("view/textZoom", float, 1.0)
LEGEND = Setting("view/legend", int, 1)
THEME = Setting("view/theme", str, "system")  # View › Theme: "system", "light" or "dark" (gui/theme.py)
# What the user was looking at.
GROUPING = Setting("grouping", str, "track")
PARTICIPANT = Setting("participant", str, "")  # "" : all participants
# The user's own copy of the paper's text (File › Open source text…).
SOURCE_TEXT = Setting("sourceText", str, "")
# The team notes server (Notes › Connect to team…), a connection URL without its password; "" : local notes.
NOTES_SERVER = Setting("notes/server", str, "")
# View › Language: "en" or "ja" (gui/i18n.py); "" : the system's language.
LANGUAGE = Setting("view/language", str, "")
# Edit › Citation style: a key of model.citation.STYLES.
CITATION_STYLE = Setting("citation/style", str, "chicago")
# File › Print or Export fact sheet: the pages one sheet may take (1 to gui/printing.MAX_PAGES), last chosen.
SHEET_PAGES = Setting("print/sheetPages", int, 1)


class Settings:
    def __init__(self, store: QSettings | None = None):
        self.store = store or QSettings()

    def get(self, setting: Setting[T]) -> T:
        value = self.store.value(setting.key)
        if value is None:
            return setting.default
        if setting.type is QByteArray:
            return value if isinstance(value, QByteArray) else setting.default
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        if not isinstance(value, setting.type):
            raise TypeError(f"setting {setting.key} takes {setting.type.__name__}, not {type(value).__name__}")
        self.store.setValue(setting.key, value)
