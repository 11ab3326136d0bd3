"""The colour scheme: the system's (the default), light or dark.

View › Theme chooses it and settings remember it; ``forum-atlas --theme`` sets it for one run only. Where the
platform has light and dark schemes of its own (Qt 6.8+ asks it through QStyleHints), they are used; where it
has none (the offscreen platform, a bare X11 desktop), the window gets a dark palette of ours. Every pane
draws from the palette, so none needs telling.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gui import settings as S

THEMES = ("system", "light", "dark")
LABELS = {"system": QT_TRANSLATE_NOOP("Actions", "Follow the &system"),  # translated as the registry's texts are
          "light": QT_TRANSLATE_NOOP("Actions", "&Light"),
          "dark": QT_TRANSLATE_NOOP("Actions", "&Dark")}
_for_this_run: str | None = None  # --theme: chosen on the command line, not remembered


def dark_palette() -> QPalette:
    """Dark greys with the light scheme's accents made lighter, so that text and selections keep their contrast."""
    p = QPalette()
    R, G = QPalette.ColorRole, QPalette.ColorGroup  # noqa: N806 - Qt's names, short
    colours = {R.Window: "#2b2d30", R.WindowText: "#e4e4e4", R.Base: "#1f2023", R.AlternateBase: "#292b2e",
               R.ToolTipBase: "#3a3d41", R.ToolTipText: "#f0f0f0", R.PlaceholderText: "#8c8f94", R.Text: "#e4e4e4",
               R.Button: "#35373b", R.ButtonText: "#e4e4e4", R.BrightText: "#ff6b6b", R.Light: "#45484d",
               R.Midlight: "#3b3e42", R.Mid: "#484b51", R.Dark: "#18191b", R.Shadow: "#0c0c0d",
               R.Highlight: "#3d6fb4", R.HighlightedText: "#ffffff", R.Link: "#7fb2ff", R.LinkVisited: "#c7a0ff"}
    for role, colour in colours.items():
        p.setColor(role, QColor(colour))
    for role, colour in {R.WindowText: "#7a7d82", R.Text: "#7a7d82", R.ButtonText: "#7a7d82",
                         R.Highlight: "#3a3d41", R.HighlightedText: "#9a9da2"}.items():
        p.setColor(G.Disabled, role, QColor(colour))
    return p


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply(name: str) -> None:
    """Show the window in ``name``'s scheme: "system", "light" or "dark"."""
    app = QApplication.instance()
    hints = app.styleHints()
    hints.setColorScheme({"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(name, Qt.ColorScheme.Unknown))
    dark = name == "dark" or (name == "system" and hints.colorScheme() == Qt.ColorScheme.Dark)
    if dark != is_dark(app.palette()):  # the platform could not change its scheme: our own palette
        app.setPalette(dark_palette() if dark else app.style().standardPalette())


def for_this_run(name: str | None) -> None:
    """The scheme --theme asked for, applied now (before the first frame) and kept over the saved one."""
    global _for_this_run
    _for_this_run = name
    apply(name or S.Settings().get(S.THEME))


class ThemeSwitch(QObject):
    """View › Theme: three choices, one checked; a choice is applied and remembered."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.settings = window.settings
        self.current = _for_this_run or self.settings.get(S.THEME)
        if self.current not in THEMES:  # a hand-edited setting
            self.current = "system"
        for name in THEMES:
            window.registry.bind(f"view.theme.{name}", lambda _=False, n=name: self.choose(n))
        window.registry[f"view.theme.{self.current}"].setChecked(True)
        QApplication.instance().styleHints().colorSchemeChanged.connect(self._system_changed)
        apply(self.current)

    def choose(self, name: str) -> None:
        self.current = name
        self.settings.set(S.THEME, name)
        self._apply()

    def _system_changed(self, _scheme) -> None:
        if self.current == "system":
            self._apply()

    def _apply(self) -> None:
        apply(self.current)
        # A page's links took their colour from the palette when it was parsed: shown again, they take the new one
        # (dark blue links stayed on the dark background).
        w = self.window
        if w.atlas is not None and w.detail.record_id:
            w.detail.show_record(w.atlas, w.detail.record_id)
