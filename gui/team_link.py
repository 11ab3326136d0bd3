"""The window's side of team notes: connecting off the window's thread, live changes, the connection's state
in the status bar, reconnecting, and Notes › Connect to team….

Connecting (and each retry) runs on a worker thread (TeamNotes.fetch), so a server that never answers, or
whose packets are dropped, never stalls typing or clicking; the result comes back as a queued signal and is
taken in on the window's thread (TeamNotes.adopt). A colleague's change arrives as a NOTIFY on the store's
listening connection; a QSocketNotifier on its socket wakes the window (no polling loop), which refreshes the
detail pane's team notes, the lists and, when the analyst is not typing, the note itself. While the server
is unreachable a timer tries it again every few seconds; the status bar says which state the notes are in.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from gui import settings as S
from gui.team_baskets import TeamBaskets

RETRY_MS = 3000


class TeamLink(QObject):
    fetched = Signal(int, object)  # attempt number, and what TeamNotes.fetch returned or raised

    def __init__(self, ui):
        super().__init__(ui)
        self.ui = ui
        self.window = ui.window
        self.store = None
        self.notifier: QSocketNotifier | None = None
        self.connecting = False
        self._attempt = 0
        self._first = False  # the first attempt after attach: its outcome goes to the status bar
        self.label = QLabel(objectName="teamStatus")
        self.window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self.retry = QTimer(self, interval=RETRY_MS)
        self.retry.timeout.connect(self._retry)
        self.fetched.connect(self._on_fetched)
        self.baskets = TeamBaskets(ui)
        self.window.registry.bind("notes.connect", self.ask_server)

    def attach(self, store) -> None:
        """Follow ``store`` (a TeamStore, or the local UserData: then there is nothing to follow) and start
        connecting it to its server, in the background."""
        self.detach()
        if not hasattr(store, "team"):
            self.window.detail.team_for = None
            return
        self.store = store
        self.window.detail.team_for = store.team_notes
        self._first = True
        self._connect(announce=True)

    def detach(self) -> None:
        self.retry.stop()
        self.detach_notifier()
        self._attempt += 1  # an attempt still under way finds it is no longer wanted
        self.connecting = False
        self.store = None
        self.label.hide()

    # -- connecting, off the window's thread -------------------------------------------------------------
    def _connect(self, announce: bool = False) -> None:
        if self.connecting or self.store is None:
            return
        self.connecting = True
        self._attempt += 1
        attempt, team = self._attempt, self.store.team

        def work() -> None:
            try:
                result = team.fetch()
            except Exception as exc:  # handed to the window's thread, which says it plainly
                result = exc
            self.fetched.emit(attempt, result)

        threading.Thread(target=work, name="team-connect", daemon=True).start()
        self.label.setText(self.tr("Team notes: connecting\u2026"))
        self.label.show()
        if announce:
            from model.team_notes import without_password

            self.window.statusBar().showMessage(
                self.tr("Connecting\u2026 to the team's notes on {0}").format(without_password(team.url)))

    def _on_fetched(self, attempt: int, result) -> None:
        if attempt != self._attempt or self.store is None:  # detached meanwhile: drop what came back
            for con in (getattr(result, "con", None), getattr(result, "listener", None)):
                if con is not None:
                    con.close()
            return
        self.connecting = False
        team = self.store.team
        was_online, was_writable = team.online, team.writable
        if isinstance(result, BaseException):
            team.failed(result)
        else:
            team.adopt(result)
        if team.online:
            self.retry.stop()
            self._listen()
            self._news(None)
        elif not self.retry.isActive():
            self.retry.start()
        if team.writable != was_writable:  # a read-only role: the editor and the dock follow
            ui = self.ui
            ui._set_editable(ui.writable and ui.rid is not None, "" if ui.writable else self.store.reason)
        self._show_state(tell=team.online != was_online or self._first)
        self._first = False

    def _retry(self) -> None:
        if self.store is None:
            self.retry.stop()
            return
        self._connect()

    def _listen(self) -> None:
        fd = self.store.team.listen_socket()
        if fd is None:
            self.retry.start()
            return
        self.detach_notifier()
        self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._changed)

    def _changed(self) -> None:
        team = self.store.team
        records = team.changes()
        if not team.online:  # the connection dropped: the notifier's socket is gone
            self.detach_notifier()
            self.retry.start()
            self._show_state()
            return
        self._news(records)

    def _news(self, records: set[str] | None) -> None:
        """Changes from the server (None: perhaps anything, after connecting): notes, then the lists."""
        self.ui.team_changed(records)
        if records is None or any(r.startswith("#") for r in records):  # bookmarks or baskets changed
            self.ui.refresh_lists()

    def saved(self) -> None:
        """After a save: a server that stopped answering during it is tried again from now on."""
        if self.store is not None:
            if not self.store.team.online and not self.retry.isActive() and not self.connecting:
                self.detach_notifier()
                self.retry.start()
            self._show_state()

    def detach_notifier(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def _show_state(self, tell: bool = True) -> None:
        team = self.store.team
        if self.connecting and not team.online:
            text = self.tr("Team notes: connecting\u2026")
        elif team.online:
            text = self.tr("Team notes: online") if team.writable else self.tr("Team notes: read-only")
        else:
            text = self.tr("Team notes: offline, {0} queued").format(team.queued())
        self.label.setText(text)
        self.label.setToolTip(team.status)
        self.label.show()
        if tell and team.status:
            self.window.statusBar().showMessage(team.status, 8000)

    # -- lists the dock shows for the team ---------------------------------------------------------------
    def colleague_bookmarks(self, rows_for) -> list[tuple[str, str, str, bool]]:
        """The colleagues' bookmarks as rows of the Starred tab, each naming whose it is."""
        if self.store is None:
            return []
        marks = self.store.team_bookmarks()
        rows = rows_for([r for r, _d in marks])
        return [(rid, name, self.tr("starred by {0}").format(display), known)
                for (rid, name, _kind, known), (_r, display) in zip(rows, marks, strict=True)]

    # -- Notes › Connect to team… ----------------------------------------------------------------------------
    def ask_server(self) -> None:
        """Notes › Connect to team…: a connection URL, kept in the settings without any password (one typed
        into it goes to the system keyring, when there is one), or empty for notes on this computer only."""
        settings = self.window.settings
        url, ok = QInputDialog.getText(
            self.window, self.tr("Connect to team"),
            self.tr("PostgreSQL connection URL of your team's notes, for example\n"
                    "postgresql://you@notes.example.org/briefings?sslmode=require\n"
                    "A password typed here goes to the system keyring, never to the settings; else it comes "
                    "from ~/.pgpass or the service file. Empty: notes on this computer."),
            QLineEdit.EchoMode.Normal, settings.get(S.NOTES_SERVER))
        if not ok:
            return
        from model.team_password import remember

        bare, said = remember(url.strip())
        settings.set(S.NOTES_SERVER, bare)
        self.ui.flush()
        self.ui.open_store(url.strip())  # a typed password serves this session, from memory only
        if said:
            self.window.statusBar().showMessage(said + " " + self.window.statusBar().currentMessage(), 15000)
