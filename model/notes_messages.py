"""What the notes store tells the user (UserData.messages and .reason), each sentence under a stable key.

A :class:`Message` is the English sentence itself (the command line and the logs print it as it is) and
carries its key and parameters, from which the window says it in its own language (gui/notes_words.py lists
the same templates for translation; a test checks that the two lists agree).
"""

from __future__ import annotations

MESSAGES = {
    "link-missing": "Your notes file {path} is a link to {real}, which is missing (is its drive connected?). "
                    "Nothing was created in its place, and notes are switched off until it is back; browsing "
                    "works as usual.",
    "open-failed": "Forum Atlas could not open your notes at {path} ({error}). Notes, bookmarks and the basket "
                   "are switched off for now; browsing works as usual.",
    "unwritable": "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the "
                  "basket cannot be saved. Browsing works as usual.",
    "unwritable-read-only": "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks "
                            "and the basket cannot be saved. Browsing works as usual. Your existing notes are "
                            "shown read-only.",
    "unwritable-off": "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and "
                      "the basket cannot be saved. Browsing works as usual. Notes are switched off.",
    "unlockable": "The folder of your notes, {folder}, does not support file locking ({error}; a network drive "
                  "without its lock service, perhaps), so Forum Atlas cannot make sure that only one window "
                  "changes your notes. Notes are read-only here.",
    "unlockable-read-only": "The folder of your notes, {folder}, does not support file locking ({error}; a "
                            "network drive without its lock service, perhaps), so Forum Atlas cannot make sure "
                            "that only one window changes your notes. Your notes are shown read-only; to edit "
                            "them, keep your notes on a local disk (set XDG_DATA_HOME) or ask for file locking "
                            "on that drive.",
    "unlockable-off": "The folder of your notes, {folder}, does not support file locking ({error}; a network "
                      "drive without its lock service, perhaps), so Forum Atlas cannot make sure that only one "
                      "window changes your notes. Notes are switched off; browsing works as usual.",
    "too-new": "Your notes file {path} was written by a newer version of Forum Atlas (notes format {version}; "
               "this version reads up to {supported}). It was left untouched and notes are switched off. Open "
               "it with the newer version, or move it aside to start a new notes file.",
    "other-window-opening": "Another Forum Atlas window is opening your notes; this window cannot read them "
                            "yet. Browsing works as usual.",
    "other-process-opening": "Another Forum Atlas window (process {process}) is opening your notes; this window "
                             "cannot read them yet. Browsing works as usual.",
    "other-window": "Another Forum Atlas window has your notes open, so this window shows them read-only. To "
                    "edit notes here, close the other window and reopen this one.",
    "other-process": "Another Forum Atlas window (process {process}) has your notes open, so this window shows "
                     "them read-only. To edit notes here, close the other window and reopen this one.",
    "new-file": "No notes file was found, so a new one was started at {path}. Backups of earlier notes are in "
                "{backups}.",
    "upgrade-failed": "Forum Atlas could not upgrade your notes file {path} from version {now_at} to {target} "
                      "({error}). It was left as it was. Notes are switched off for now.",
    "upgrade-half-done": "Forum Atlas could not upgrade your notes file {path} from version {now_at} to "
                         "{target} ({error}). It was upgraded to version {now_at}, but the next step failed; "
                         "the backup of it as it was before is in {backups}. Notes are switched off for now.",
    "lock-lost": "The lock file of your notes ({lock}) was removed, and another Forum Atlas process now holds "
                 "your notes. This window no longer saves, so that neither overwrites the other; your unsaved "
                 "text is kept in this window.",
    "lock-lost-why": "The lock file of your notes ({lock}) was removed, and another Forum Atlas process now "
                     "holds your notes ({error}). This window no longer saves, so that neither overwrites the "
                     "other; your unsaved text is kept in this window.",
    "file-moved": "Your notes file {path} was moved, deleted or replaced while Forum Atlas had it open, so this "
                  "window stopped saving rather than write into a file nobody would read. Your unsaved text is "
                  "kept in this window; reopen Forum Atlas to go on.",
    "restored": "Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes were "
                "restored from the backup taken {taken} ({backup}). Changes made after that backup are not in "
                "the restored notes.",
    "restored-newest": "Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes "
                       "were restored from the backup taken {taken} ({backup}), whose newest note was saved "
                       "{newest}. Changes made after that backup are not in the restored notes.",
    "started-afresh": "Your notes file was damaged ({damage}) and there was no good backup to restore, so a "
                      "new, empty notes file was started. The damaged file was kept as {aside}.",
    "backup-failed": "Forum Atlas could not write a backup of your notes to {folder} ({error}). Your notes "
                     "themselves are saved.",
    "team-role-read-only": "Your role {role} may read the team's notes but not change them, so the server refused "
                           "this change. Your text is kept on this computer as a draft.",
    "team-role-lists": "Your role {role} may see the team's bookmarks and baskets but not change them, so the "
                       "server refused this change.",
    "not-open": "Notes are not open.",
    "read-only": "Notes are read-only.",
    "closed": "Notes are closed.",
}


class Message(str):
    """One of :data:`MESSAGES` in English, with its key and parameters for a translation."""

    key: str
    params: dict[str, object]

    def __new__(cls, key: str, **params: object) -> Message:
        self = super().__new__(cls, MESSAGES[key].format(**params))
        self.key, self.params = key, params
        return self
