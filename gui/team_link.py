"""The window's side of team notes: live changes, the connection's state in the status bar, reconnecting,
and Notes › Connect to team….

A colleague's change arrives as a NOTIFY on the store's listening connection; a QSocketNotifier on its socket
wakes the window (no polling loop), which refreshes the detail pane's team notes and, when the analyst is not
typing, the note itself. While the server is unreachable a timer tries it again every few seconds; the status
bar says which state the notes are in.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from gui import settings as S

RETRY_MS = 3000


class TeamLink(QObject):
    def __init__(self, ui):
        super().__init__(ui)
        self.ui = ui
        self.window = ui.window
        self.store = None
        self.notifier: QSocketNotifier | None = None
        self.label = QLabel(objectName="teamStatus")
        self.window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self.retry = QTimer(self, interval=RETRY_MS)
        self.retry.timeout.connect(self._retry)
        self.window.registry.bind("notes.connect", self.ask_server)

    def attach(self, store) -> None:
        """Follow ``store`` (a TeamStore, or the local UserData: then there is nothing to follow)."""
        self.detach()
        if not hasattr(store, "team"):
            self.window.detail.team_for = None
            return
        self.store = store
        self.window.detail.team_for = store.team_notes
        self._listen()
        self._show_state()

    def detach(self) -> None:
        self.retry.stop()
        self.detach_notifier()
        self.store = None
        self.label.hide()

    def _listen(self) -> None:
        fd = self.store.team.listen_socket()
        if fd is None:
            self.retry.start()
            return
        self.retry.stop()
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
        self.ui.team_changed(records)

    def _retry(self) -> None:
        if self.store is None:
            self.retry.stop()
            return
        if self.store.team.reconnect():
            self._listen()
            self.ui.team_changed(None)
        self._show_state()

    def saved(self) -> None:
        """After a save: a server that stopped answering during it is tried again from now on."""
        if self.store is not None:
            if not self.store.team.online and not self.retry.isActive():
                self.detach_notifier()
                self.retry.start()
            self._show_state()

    def detach_notifier(self) -> None:
        if self.notifier is not None:
            self.notifier.setEnabled(False)
            self.notifier.deleteLater()
            self.notifier = None

    def _show_state(self) -> None:
        team = self.store.team
        self.label.setText("Team notes: online" if team.online and team.writable else
                           "Team notes: read-only" if team.online else
                           f"Team notes: offline, {team.queued()} queued")
        self.label.setToolTip(team.status)
        self.label.show()
        self.window.statusBar().showMessage(team.status, 8000)

    def ask_server(self) -> None:
        """Notes › Connect to team…: a connection URL (kept in the settings without any password), or empty
        for notes on this computer only."""
        settings = self.window.settings
        url, ok = QInputDialog.getText(
            self.window, "Connect to team",
            "PostgreSQL connection URL of your team's notes, for example\n"
            "postgresql://you@notes.example.org/briefings?sslmode=require\n"
            "Passwords come from ~/.pgpass or the service file, never from here. Empty: notes on this computer.",
            QLineEdit.EchoMode.Normal, settings.get(S.NOTES_SERVER))
        if not ok:
            return
        from model.team_notes import without_password

        settings.set(S.NOTES_SERVER, without_password(url.strip()))
        self.ui.flush()
        self.ui.open_store(url.strip())
