"""Every command of the window, declared once; the menu bar, the toolbar, the context menus and
Help › Keyboard shortcuts are all built from :data:`ACTIONS`.

A declaration says what the user sees (text, icon, shortcut) and where (menu path, toolbar, context menus);
what the command does is bound by the part of the window that owns it (``registry.bind(id, slot)``: the menus'
commands in gui/window_actions.py, the notes and basket in gui/user_data.py). To add a command: declare it here,
bind it where its work is done; the menus, toolbar, shortcut list and their tests follow.

Shortcuts are window-wide: a text field that has the focus does not swallow them (X11 desktops give Ctrl+E,
Ctrl+K, Ctrl+D and Ctrl+U to line editing), except plain characters such as "/", which type into a field.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QStyle,
    QTextEdit,
    QToolBar,
)

from gui.forum_tree import GROUPINGS
from gui.i18n import LANGUAGES, translate
from gui.terms import term
from gui.theme import LABELS as THEME_LABELS
from model.citation import STYLE_LABELS as CITATION_STYLES

Key = QKeySequence.StandardKey
MENUS = ("&File", "&Edit", "&View", "&Go", "&Notes", "&Help")  # the menu bar, in order
# The menus' titles as shown: the paths above stay English (they are keys), the titles are translated.
MENU_TITLES = (QT_TRANSLATE_NOOP("Menus", "&File"), QT_TRANSLATE_NOOP("Menus", "&Edit"),
               QT_TRANSLATE_NOOP("Menus", "&View"), QT_TRANSLATE_NOOP("Menus", "&Go"),
               QT_TRANSLATE_NOOP("Menus", "&Notes"), QT_TRANSLATE_NOOP("Menus", "&Help"),
               QT_TRANSLATE_NOOP("Menus", "Citation style"), QT_TRANSLATE_NOOP("Menus", "Group forums by"),
               QT_TRANSLATE_NOOP("Menus", "Show view"), QT_TRANSLATE_NOOP("Menus", "Figures of the paper"),
               QT_TRANSLATE_NOOP("Menus", "Language"), QT_TRANSLATE_NOOP("Menus", "Theme"))


@dataclass(frozen=True)
class Spec:
    id: str
    text: str  # English, marked for lupdate; the QAction shows its translation
    menu: str = ""  # menu path: "&View" or "&View/Group forums by"; "" for none
    shortcuts: tuple[str | Key, ...] = ()  # the first is the one menus show
    toolbar: str = ""  # its toolbar button's text, when TOOLBAR (below) lists it
    icon: tuple[str, str] = ("", "")  # a freedesktop theme icon, and QStyle's standard icon when the theme lacks it
    contexts: tuple[str, ...] = ()  # the context menus it appears in: "tree", "basket"
    checkable: bool = False
    group: str = ""  # checkable actions of one group exclude each other
    data: str | None = None  # what the bound slot is told (a grouping key)
    separator: bool = False  # a separator before it in its menu
    scope: str = "window"  # "window": anywhere in the window; "basket": only while the basket list has the focus
    tip: str = ""


ACTIONS: tuple[Spec, ...] = (
    Spec("file.print", QT_TRANSLATE_NOOP("Actions", "Print fact sheet\u2026"), "&File", (Key.Print,),
         toolbar=QT_TRANSLATE_NOOP("Actions", "Print"),
         icon=("document-print", "SP_FileIcon"), contexts=("tree",),
         tip=QT_TRANSLATE_NOOP("Actions",
                               "Preview and print the fact sheet of the selected forum or participant")),
    Spec("file.export_sheet", QT_TRANSLATE_NOOP("Actions", "Export fact sheet as PDF\u2026"), "&File",
         contexts=("tree",)),
    Spec("file.export_pack", QT_TRANSLATE_NOOP("Actions", "Export briefing pack as PDF\u2026"), "&File"),
    Spec("file.export_timeline", QT_TRANSLATE_NOOP("Actions", "Export timeline as image\u2026"), "&File"),
    Spec("file.export_json", QT_TRANSLATE_NOOP("Actions", "Export data as JSON\u2026"), "&File"),
    Spec("file.export_sheet_document", QT_TRANSLATE_NOOP("Actions", "Export fact sheet as document\u2026"),
         "&File", separator=True,
         tip=QT_TRANSLATE_NOOP("Actions", "The fact sheet as ODT (word processors), Markdown or HTML")),
    Spec("file.export_pack_document", QT_TRANSLATE_NOOP("Actions", "Export briefing pack as document\u2026"),
         "&File",
         tip=QT_TRANSLATE_NOOP("Actions", "The briefing pack as ODT (word processors), Markdown or HTML")),
    Spec("file.export_references", QT_TRANSLATE_NOOP("Actions", "Export references to the paper\u2026"),
         "&File",
         tip=QT_TRANSLATE_NOOP("Actions",
                               "The paper and its three parts as RIS, BibTeX or CSL-JSON, for reference managers")),
    Spec("file.source_text", QT_TRANSLATE_NOOP("Actions", "Open source text\u2026"), "&File", separator=True),
    Spec("file.quit", QT_TRANSLATE_NOOP("Actions", "&Quit"), "&File", (Key.Quit,), separator=True),

    Spec("edit.copy_citation", QT_TRANSLATE_NOOP("Actions", "Copy &citation"), "&Edit", ("Ctrl+Shift+C",),
         contexts=("tree",)),
    Spec("edit.find", QT_TRANSLATE_NOOP("Actions", "&Find\u2026"), "&Edit", (Key.Find, "/"),
         toolbar=QT_TRANSLATE_NOOP("Actions", "Search"),
         icon=("edit-find", "SP_FileDialogContentsView"), separator=True,
         tip=QT_TRANSLATE_NOOP("Actions",
                               "Search the atlas (Ctrl+F, or / when no text field has the focus)")),
    Spec("edit.copy_text", QT_TRANSLATE_NOOP("Actions", "Copy as &text"), "&Edit", contexts=("tree",),
         separator=True),
    Spec("edit.copy_markdown", QT_TRANSLATE_NOOP("Actions", "Copy as &Markdown"), "&Edit",
         contexts=("tree",)),
    *(Spec(f"edit.cite_style.{key}", text, "&Edit/Citation style", checkable=True, group="citation_style",
           data=key) for key, text in CITATION_STYLES.items()),

    *(Spec(f"view.group.{key}", text, "&View/Group forums by", checkable=True, group="grouping", data=key)
      for key, text in GROUPINGS),
    Spec("view.zoom_in", QT_TRANSLATE_NOOP("Actions", "Zoom timeline in"), "&View", ("Ctrl+]",),
         separator=True),
    Spec("view.zoom_out", QT_TRANSLATE_NOOP("Actions", "Zoom timeline out"), "&View", ("Ctrl+[",)),
    Spec("view.fit_all", QT_TRANSLATE_NOOP("Actions", "Fit whole timeline"), "&View", ("Ctrl+0",)),
    Spec("view.fit_selection", QT_TRANSLATE_NOOP("Actions", "Fit timeline to selection"), "&View",
         ("Ctrl+9",)),
    Spec("view.clear_range", QT_TRANSLATE_NOOP("Actions", "Clear date range"), "&View"),
    Spec("view.toolbar", QT_TRANSLATE_NOOP("Actions", "Show &toolbar"), "&View", checkable=True,
         separator=True),
    # The central area's views (gui/views.py).
    Spec("view.show_detail", QT_TRANSLATE_NOOP("Actions", "&Detail"), "&View/Show view", ("Ctrl+1",),
         checkable=True, group="views"),
    Spec("view.show_matrix", QT_TRANSLATE_NOOP("Actions", "&Membership matrix"), "&View/Show view",
         ("Ctrl+2",), checkable=True, group="views"),
    Spec("view.show_chronology", QT_TRANSLATE_NOOP("Actions", "&Chronology"), "&View/Show view", ("Ctrl+3",),
         checkable=True, group="views"),
    Spec("view.show_compare", QT_TRANSLATE_NOOP("Actions", "C&ompare"), "&View/Show view", ("Ctrl+4",),
         checkable=True, group="views"),
    *(Spec(f"view.figure_{n}", text, "&View/Figures of the paper") for n, text in (
        (1, QT_TRANSLATE_NOOP("Actions", "Figure &1: Japan\u2019s bilateral dialogues")),
        (2, QT_TRANSLATE_NOOP("Actions", "Figure &2: multilateral forums of the Defense Agency")),
        (3, QT_TRANSLATE_NOOP("Actions", "Figure &3: track-two dialogues, CSCAP the most inclusive")))),
    Spec("view.compare", QT_TRANSLATE_NOOP("Actions", "Co&mpare selection with basket"), "&View",
         ("Ctrl+Shift+M",), contexts=("tree", "basket"),
         tip=QT_TRANSLATE_NOOP("Actions",
         "Compare the selected forum or participant with those of its kind in the basket (two to four)")),

    Spec("go.back", QT_TRANSLATE_NOOP("Actions", "&Back"), "&Go", ("Alt+Left",),
         toolbar=QT_TRANSLATE_NOOP("Actions", "Back"), icon=("go-previous", "SP_ArrowBack")),
    Spec("go.forward", QT_TRANSLATE_NOOP("Actions", "&Forward"), "&Go", ("Alt+Right",),
         toolbar=QT_TRANSLATE_NOOP("Actions", "Forward"), icon=("go-next", "SP_ArrowForward")),
    Spec("go.quick_open", QT_TRANSLATE_NOOP("Actions", "Go to\u2026"), "&Go", ("Ctrl+K",), separator=True),
    Spec("go.next_pane", QT_TRANSLATE_NOOP("Actions", "Next pane"), "&Go", ("F6",),
         tip=QT_TRANSLATE_NOOP("Actions", "Move the focus to the next pane")),

    Spec("notes.basket_add", QT_TRANSLATE_NOOP("Actions", "Add to &basket"), "&Notes", ("Ctrl+B",),
         contexts=("tree",)),
    Spec("notes.basket_remove", QT_TRANSLATE_NOOP("Actions", "Remove from basket"), "&Notes",
         contexts=("tree",)),
    Spec("notes.bookmark", QT_TRANSLATE_NOOP("Actions", "&Bookmark"), "&Notes", ("Ctrl+D",),
         contexts=("tree",), checkable=True),
    Spec("notes.edit", QT_TRANSLATE_NOOP("Actions", "&Edit note"), "&Notes", ("Ctrl+E",)),
    Spec("notes.show_panel", QT_TRANSLATE_NOOP("Actions", "Show basket, bookmarks and notes"), "&Notes",
         toolbar=QT_TRANSLATE_NOOP("Actions", "Basket"),
         icon=("folder", "SP_DirIcon"), checkable=True, separator=True),
    Spec("notes.export", QT_TRANSLATE_NOOP("Actions", "E&xport notes\u2026"), "&Notes", separator=True),
    Spec("notes.connect", QT_TRANSLATE_NOOP("Actions", "Connect to &team\u2026"), "&Notes", separator=True,
         tip=QT_TRANSLATE_NOOP("Actions",
         "Share notes with a team through a PostgreSQL server (or go back to notes on this computer)")),

    Spec("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "&Keyboard shortcuts"), "&Help"),
    Spec("help.about", QT_TRANSLATE_NOOP("Actions", "&About Forum Atlas"), "&Help"),

    # The window's reading and keyboard comforts (gui/view_options.py, gui/pane_focus.py).
    Spec("view.text_bigger", QT_TRANSLATE_NOOP("Actions", "&Larger text"), "&View", ("Ctrl++", "Ctrl+="),
         separator=True,
         tip=QT_TRANSLATE_NOOP("Actions", "Make the text of the detail pane, tree and note larger")),
    Spec("view.text_smaller", QT_TRANSLATE_NOOP("Actions", "S&maller text"), "&View", ("Ctrl+-",)),
    Spec("view.text_reset", QT_TRANSLATE_NOOP("Actions", "&Normal text size"), "&View"),
    Spec("view.legend", QT_TRANSLATE_NOOP("Actions", "Show timeline &legend"), "&View", checkable=True),
    *(Spec(f"view.theme.{key}", text, "&View/Theme", checkable=True, group="theme", data=key)
      for key, text in THEME_LABELS.items()),
    Spec("view.show_on_timeline", QT_TRANSLATE_NOOP("Actions", "Show on &timeline"), "&View", ("Ctrl+T",),
         contexts=("tree",),
         tip=QT_TRANSLATE_NOOP("Actions", "Bring the selected record into view on the timeline")),
    Spec("help.search_syntax", QT_TRANSLATE_NOOP("Actions", "&Search syntax"), "&Help"),

    # Each language named in its own words, never translated; the choice applies when the window next opens.
    *(Spec(f"view.language.{key}", name, "&View/Language", checkable=True, group="language", data=key,
           separator=key == LANGUAGES[0][0]) for key, name in LANGUAGES),

    Spec("basket.up", QT_TRANSLATE_NOOP("Actions", "Move &up"), shortcuts=("Ctrl+Up",), contexts=("basket",),
         scope="basket"),
    Spec("basket.down", QT_TRANSLATE_NOOP("Actions", "Move &down"), shortcuts=("Ctrl+Down",),
         contexts=("basket",), scope="basket"),
    Spec("basket.remove", QT_TRANSLATE_NOOP("Actions", "&Remove"), shortcuts=(Key.Delete,),
         contexts=("basket",), scope="basket"),
)

TOOLBAR = ("go.back", "go.forward", "edit.find", "file.print", "notes.show_panel")  # the toolbar, in order

TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)


def shown_text(spec: Spec) -> str:
    """The action's text in the interface's language (the citation styles and groupings are the model's labels)."""
    if spec.group in ("citation_style", "grouping"):
        return term(spec.text)
    return spec.text if spec.group == "language" else translate("Actions", spec.text)


def plain_text(text: str) -> str:
    """A menu text as read aloud or listed: no mnemonic ampersand, no ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("\u2026")


def _types(seq: QKeySequence) -> bool:
    """A key that types a character into a text field ("/"): it is a shortcut only outside text fields."""
    combo = seq[0]
    mods = combo.keyboardModifiers() & ~Qt.KeyboardModifier.ShiftModifier & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.NoModifier and len(seq.toString()) == 1


class ActionRegistry(QObject):
    """The QActions of ``window``, made from :data:`ACTIONS`. ``registry[id]`` is the QAction."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.specs = {spec.id: spec for spec in ACTIONS}
        self.actions: dict[str, QAction] = {}
        self._groups: dict[str, QActionGroup] = {}
        self._over_text: set[tuple[int, int]] = set()  # (key, modifiers) of the shortcuts text fields must not take
        style = window.style()
        for spec in ACTIONS:
            action = QAction(shown_text(spec), window, objectName=spec.id, checkable=spec.checkable)
            action.setData(spec.data)
            # A standard key gives this platform's main binding, or none (Quit on Windows).
            keys = [seq for seq in map(QKeySequence, spec.shortcuts) if not seq.isEmpty()]
            if keys:
                action.setShortcuts(keys)
            if spec.tip:
                tip = translate("Actions", spec.tip)
                action.setToolTip(tip)
                action.setStatusTip(tip)
            theme, fallback = spec.icon
            if theme:
                action.setIcon(QIcon.fromTheme(theme, style.standardIcon(getattr(QStyle.StandardPixmap, fallback))))
                action.setIconVisibleInMenu(False)  # icons are for the toolbar; in menus they read as check boxes
            if spec.group:
                self._groups.setdefault(spec.group, QActionGroup(window)).addAction(action)
            if spec.scope == "window":
                window.addAction(action)  # its shortcut works whether or not a menu or toolbar shows it
                for seq in action.shortcuts():
                    if not _types(seq):
                        self._over_text.add((seq[0].key(), seq[0].keyboardModifiers()))
            else:
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.actions[spec.id] = action
        QApplication.instance().installEventFilter(self)

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def bind(self, action_id: str, slot, signal: str = "triggered") -> QAction:
        """Connect the action's ``triggered`` (or ``toggled``) signal to ``slot``."""
        action = self.actions[action_id]
        getattr(action, signal).connect(slot)
        return action

    def close(self) -> None:
        QApplication.instance().removeEventFilter(self)

    # -- building ------------------------------------------------------------------------------------
    def build_menus(self) -> dict[str, QMenu]:
        """The menu bar, from the menu paths; returns every menu by its path."""
        bar = self.window.menuBar()
        menus: dict[str, QMenu] = {}
        for title in MENUS:
            menus[title] = bar.addMenu(translate("Menus", title))
        for spec in ACTIONS:
            if not spec.menu:
                continue
            top, _, sub = spec.menu.partition("/")
            menu = menus[top]
            if sub and spec.menu not in menus:
                menus[spec.menu] = menu.addMenu(translate("Menus", sub))
            if spec.separator:
                menu.addSeparator()
            menus[spec.menu].addAction(self.actions[spec.id])
        return menus

    def build_toolbar(self) -> QToolBar:
        bar = QToolBar(translate("Actions", "Toolbar"), self.window, objectName="mainToolbar", movable=False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action_id in TOOLBAR:
            action = self.actions[action_id]
            action.setIconText(translate("Actions", self.specs[action_id].toolbar))  # the button's text, kept when the action changes
            bar.addAction(action)
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        return bar

    def context_menu(self, context: str, parent) -> QMenu:
        """A context menu of the actions declared for ``context``, enabled as they are now."""
        menu = QMenu(parent, objectName=f"{context}ContextMenu")
        for spec in ACTIONS:
            if context in spec.contexts:
                menu.addAction(self.actions[spec.id])
        return menu

    def attach(self, context: str, widget) -> None:
        """Give ``widget`` the actions of a widget-scoped context (their shortcuts work while it has the focus)."""
        for spec in ACTIONS:
            if spec.scope == context:
                widget.addAction(self.actions[spec.id])

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(command, shortcuts, where) for every action with a shortcut, in declaration order."""
        rows = []
        for spec in ACTIONS:
            action = self.actions[spec.id]
            if action.shortcuts():
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
                where = " \u203a ".join(plain_text(translate("Menus", p)) for p in spec.menu.split("/")) \
                    if spec.menu else translate("Actions", "Basket list")
                rows.append((plain_text(action.text()), keys, where))
        return rows

    # -- shortcuts over text fields ---------------------------------------------------------------------
    def eventFilter(self, obj, event):  # noqa: N802 - Qt override
        """A text field in this window asks first whether it wants a key ("shortcut override"); for the
        registry's shortcuts the answer is no, so the command runs instead of the field editing its text."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(obj, TEXT_WIDGETS) \
                and (event.key(), event.modifiers()) in self._over_text and obj.window() is self.window:
            event.ignore()
            return True
        return False
