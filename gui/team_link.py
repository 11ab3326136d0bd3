"""The window's side of team notes: connecting off the window's thread, live changes, the connection's state
in the status bar, reconnecting, and Notes › Connect to team….

Every exchange with the server (connecting, sending the queue, reading colleagues' changes) runs on a worker
thread, one at a time, so a server that never answers, or whose packets are dropped, never stalls typing or
clicking: a save is acknowledged once it is queued in the replica. The outcome comes back as a queued signal
and is recorded on the window's thread (TeamNotes.adopt, settle, apply_news); an exchange with no answer
within a few seconds is abandoned and the notes go offline. A colleague's change arrives as a NOTIFY on the
store's listening connection; a QSocketNotifier on its socket wakes the window (no polling loop), which has
it read, then refreshes the detail pane's team notes, the lists and, when the analyst is not typing, the
note itself. While the server is unreachable a timer tries it again every few seconds; the status bar says
which state the notes are in.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal
from PySide6.QtWidgets import QInputDialog, QLabel, QLineEdit

from gui import settings as S
from gui.team_baskets import TeamBaskets

RETRY_MS = 3000
STALL_MS = 5000  # an exchange with no answer for this long: the server is taken as unreachable
FETCH_LIMIT_MS = 12_000  # connecting: two connections, each with libpq's own connect_timeout (3 s)


class TeamLink(QObject):
    finished = Signal(int, str, object)  # job number, kind (fetch, send, news), what it returned or raised

    def __init__(self, ui):
        super().__init__(ui)
        self.ui = ui
        self.window = ui.window
        self.store = None
        self.notifier: QSocketNotifier | None = None
        self.job: str | None = None  # the exchange with the server under way on the worker thread
        self._job_no = 0
        self._wanted: set[str] = set()  # exchanges to run once the current one is over: send, news
        self._first = False  # the first attempt after attach: its outcome goes to the status bar
        self.label = QLabel(objectName="teamStatus")
        self.window.statusBar().addPermanentWidget(self.label)
        self.label.hide()
        self.retry = QTimer(self, interval=RETRY_MS)
        self.retry.timeout.connect(self._retry)
        self.watchdog = QTimer(self, singleShot=True)
        self.watchdog.timeout.connect(self._stalled)
        self.finished.connect(self._on_finished)
        self.baskets = TeamBaskets(ui)
        self.window.registry.bind("notes.connect", self.ask_server)

    @property
    def connecting(self) -> bool:
        return self.job == "fetch"

    def attach(self, store) -> None:
        """Follow ``store`` (a TeamStore, or the local UserData: then there is nothing to follow) and start
        connecting it to its server, in the background."""
        self.detach()
        if not hasattr(store, "team"):
            self.window.detail.team_for = None
            return
        self.store = store
        store.team.send_later = lambda: self.request("send")
        self.window.detail.team_for = store.team_notes
        self._first = True
        self._connect(announce=True)

    def detach(self) -> None:
        self.retry.stop()
        self.watchdog.stop()
        self.detach_notifier()
        if self.job is not None and self.store is not None:
            self.store.team.abandon()  # the worker still holds the connections: closing them could block
        self._job_no += 1  # an exchange still under way finds it is no longer wanted
        self.job = None
        self._wanted.clear()
        self.store = None
        self.label.hide()

    # -- exchanges with the server, one at a time, off the window's thread ---------------------------------
    def _start(self, kind: str, work, limit_ms: int) -> None:
        self._job_no += 1
        number = self._job_no
        self.job = kind

        def run() -> None:
            try:
                result = work()
            except Exception as exc:  # handed to the window's thread, which says it plainly
                result = exc
            self.finished.emit(number, kind, result)

        threading.Thread(target=run, name=f"team-{kind}", daemon=True).start()
        self.watchdog.start(limit_ms)

    def request(self, kind: str) -> None:
        """Send the queue (``send``) or read colleagues' changes (``news``) as soon as the worker is free."""
        if self.store is not None and self.store.team.online:
            self._wanted.add(kind)
            self._next()

    def _next(self) -> None:
        if self.job is not None or self.store is None or not self._wanted:
            return
        team = self.store.team
        if "news" in self._wanted:
            self._wanted.discard("news")
            self._start("news", team.read_news, STALL_MS)
            return
        self._wanted.discard("send")
        items, changes = team.prepare()
        if items or changes:
            self._start("send", lambda: team.send(items, changes), STALL_MS)

    def _connect(self, announce: bool = False) -> None:
        if self.job is not None or self.store is None:
            return
        team = self.store.team
        self._start("fetch", team.fetch, FETCH_LIMIT_MS)
        self.label.setText(self.tr("Team notes: connecting\u2026"))
        self.label.show()
        if announce:
            from model.team_notes import without_password

            self.window.statusBar().showMessage(
                self.tr("Connecting\u2026 to the team's notes on {0}").format(without_password(team.url)))

    def _on_finished(self, number: int, kind: str, result) -> None:
        if number != self._job_no or self.store is None:  # abandoned or detached meanwhile: drop it
            for con in (getattr(result, "con", None), getattr(result, "listener", None)):
                if con is not None:
                    con.close()
            return
        self.watchdog.stop()
        self.job = None
        team = self.store.team
        was_online, was_writable = team.online, team.writable
        if isinstance(result, BaseException):
            team.failed(result)
        elif kind == "fetch":
            team.adopt(result, send_now=False)
            self.retry.stop()
            self._listen()
            self._news(None)
            self._wanted.add("send")
        elif kind == "send":
            self._sent(result)
        else:
            records = team.apply_news(result)
            if team.online:
                self._news(records)
                if self.notifier is not None:
                    self.notifier.setEnabled(True)
        if not team.online:
            self._lost()
        if team.writable != was_writable:  # a read-only role: the editor and the dock follow
            ui = self.ui
            ui._set_editable(ui.writable and ui.rid is not None, "" if ui.writable else ui.why_read_only())
        self._show_state(tell=team.online != was_online or self._first)
        self._first = False
        self._next()

    def _sent(self, out) -> None:
        merged = {item.record for item, stored in out.taken if stored.text != item.text}
        self.store.team.settle(out)
        if merged:  # changed elsewhere meanwhile: both texts were kept; show them
            self.ui.team_changed(merged)
            self.window.statusBar().showMessage(self.tr(
                "Your note was changed elsewhere (another window or computer) while you edited it; both texts "
                "are kept, yours below a marker line."), 15000)
        if out.lists is not None:
            self.ui.refresh_lists()

    def _stalled(self) -> None:
        """The server stopped answering in the middle of an exchange: work offline, and try it again."""
        team = self.store.team
        self._job_no += 1  # its answer, if it ever comes, is dropped
        self.job = None
        team.abandon()
        team.failed(TimeoutError(self.tr("no answer for {0} s").format(self.watchdog.interval() // 1000)))
        self._lost()
        self._show_state()

    def _lost(self) -> None:
        self._wanted.clear()
        self.detach_notifier()
        if not self.retry.isActive():
            self.retry.start()

    def _retry(self) -> None:
        if self.store is None:
            self.retry.stop()
            return
        self._connect()

    def _listen(self) -> None:
        fd = self.store.team.listen_socket()
        if fd is None:
            return
        self.detach_notifier()
        self.notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self.notifier.activated.connect(self._changed)

    def _changed(self) -> None:
        """A notification is waiting: read it on the worker (the notifier sleeps until it is read)."""
        self.notifier.setEnabled(False)
        self.request("news")

    def _news(self, records: set[str] | None) -> None:
        """Changes from the server (None: perhaps anything, after connecting): notes, then the lists."""
        self.ui.team_changed(records)
        if records is None or any(r.startswith("#") for r in records):  # bookmarks or baskets changed
            self.ui.refresh_lists()

    def saved(self) -> None:
        """After a save (queued here, sent by the worker): the label shows what is waiting."""
        if self.store is not None:
            self._show_state(tell=False)

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
        status = self.status_text(team)
        self.label.setText(text)
        self.label.setToolTip(status)
        self.label.show()
        if tell and status:
            self.window.statusBar().showMessage(status, 8000)

    def status_text(self, team) -> str:
        """The team's state in a sentence (model/team_notes.py's ``status``, in the interface's language)."""
        from model.team_notes import without_password

        if not team.status:
            return ""
        if team.online:
            where = without_password(team.url)
            if team.writable:
                return self.tr("Team notes on {where} as {role}").format(where=where, role=team.role)
            return self.tr("Team notes on {where} as {role}, read-only: your role may read the team's notes but not "
                           "change them; what you type is kept here as a draft").format(where=where, role=team.role)
        waiting = team.queued()
        text = self.tr("Team server unreachable ({why}): working offline; 1 change queued here, sent when it is "
                       "back.") if waiting == 1 else \
            self.tr("Team server unreachable ({why}): working offline; {count} changes queued here, sent when it is "
                    "back.")
        return text.format(why=team.why_offline, count=waiting)

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
