"""What the user is looking at, held in one place: the selection with its history, and the view's filters.

Panes never talk to each other about it. A pane that changes something calls a setter here; every pane that
shows something follows the signals. A setter that changes nothing emits nothing, so a pane that follows a
signal by updating its own widget (whose change calls the setter again) ends the round there.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Selection(QObject):
    """The selected record id, with browser-style history.

    ``aboutToChange(old)`` fires before the selection moves, while ``current`` is still the record being left
    (``old`` is "" when nothing was selected): what belongs to that record (a note being typed) is saved then,
    whatever order the panes connected in. ``changed(new)`` follows, once per change, whoever made it.
    """

    aboutToChange = Signal(str)
    changed = Signal(str)
    historyChanged = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []
        self._stepping = False  # the current record was reached by an arrow-key step

    def select(self, rid: str, step: bool = False) -> None:
        """``step``: an arrow-key step through a list. A run of steps is one history entry: Back returns to
        where the run started, not to each row passed on the way."""
        if not rid or rid == self.current:
            return
        if self.current and not (step and self._stepping):
            self._back.append(self.current)
        self._forward.clear()
        self._stepping = step
        self._set(rid)

    def back(self) -> None:
        if self._back:
            self._forward.append(self.current)
            self._stepping = False
            self._set(self._back.pop())

    def forward(self) -> None:
        if self._forward:
            self._back.append(self.current)
            self._stepping = False
            self._set(self._forward.pop())

    def recent(self) -> list[str]:
        """Records visited, the latest first, each once (Ctrl+K lists them first)."""
        seen = [self.current] if self.current else []
        return list(dict.fromkeys(seen + self._back[::-1] + self._forward))

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def _set(self, rid: str) -> None:
        self.aboutToChange.emit(self.current or "")
        self.current = rid
        self.changed.emit(rid)
        self.historyChanged.emit()


class AppState(QObject):
    """The selection and the filters every view applies.

    - ``grouping``: how the tree groups the forums and the timeline its lanes ("track", "kind", ...).
    - ``participant``: a participant id: only its forums are shown (None: all).
    - ``text_filter``: words every shown forum's name or acronym holds ("" : all).
    - ``date_range``: (first day, last day) as date ordinals, brushed on the timeline (None: all time).
    - ``as_of``: "YYYY-MM", the moment the atlas is shown at (None: the paper's own, mid-1999).
    """

    groupingChanged = Signal(str)
    participantChanged = Signal(object)
    textFilterChanged = Signal(str)
    filtersChanged = Signal()  # after the participant or the text filter changed: which forums show
    dateRangeChanged = Signal(object)
    asOfChanged = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.selection = Selection(self)
        self.grouping = "track"
        self.participant: str | None = None
        self.text_filter = ""
        self.date_range: tuple[int, int] | None = None
        self.as_of: str | None = None

    def set_grouping(self, key: str) -> None:
        if key and key != self.grouping:
            self.grouping = key
            self.groupingChanged.emit(key)

    def set_participant(self, pid: str | None) -> None:
        pid = pid or None
        if pid != self.participant:
            self.participant = pid
            self.participantChanged.emit(pid)
            self.filtersChanged.emit()

    def set_text_filter(self, text: str) -> None:
        if text != self.text_filter:
            self.text_filter = text
            self.textFilterChanged.emit(text)
            self.filtersChanged.emit()

    def set_date_range(self, days: tuple[int, int] | None) -> None:
        days = tuple(days) if days else None
        if days != self.date_range:
            self.date_range = days
            self.dateRangeChanged.emit(days)

    def set_as_of(self, month: str | None) -> None:
        if month != self.as_of:
            self.as_of = month
            self.asOfChanged.emit(month)
