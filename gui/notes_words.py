"""What the notes store says (model/notes_messages.py) in the window's language: the same English templates,
listed here for lupdate; a message that is not one of them (a plain string) is shown as it is."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from gui.i18n import translate

TEMPLATES = {
    "link-missing": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file {path} is a link to {real}, which is missing (is its drive connected?). Nothing "
        "was created in its place, and notes are switched off until it is back; browsing works as usual."),
    "open-failed": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas could not open your notes at {path} ({error}). Notes, bookmarks and the basket are "
        "switched off for now; browsing works as usual."),
    "unwritable": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the "
        "basket cannot be saved. Browsing works as usual."),
    "unwritable-read-only": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the "
        "basket cannot be saved. Browsing works as usual. Your existing notes are shown read-only."),
    "unwritable-off": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas cannot write to its data folder {folder} ({error}), so notes, bookmarks and the "
        "basket cannot be saved. Browsing works as usual. Notes are switched off."),
    "unlockable": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "The folder of your notes, {folder}, does not support file locking ({error}; a network drive "
        "without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes "
        "your notes. Notes are read-only here."),
    "unlockable-read-only": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "The folder of your notes, {folder}, does not support file locking ({error}; a network drive "
        "without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes "
        "your notes. Your notes are shown read-only; to edit them, keep your notes on a local disk (set "
        "XDG_DATA_HOME) or ask for file locking on that drive."),
    "unlockable-off": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "The folder of your notes, {folder}, does not support file locking ({error}; a network drive "
        "without its lock service, perhaps), so Forum Atlas cannot make sure that only one window changes "
        "your notes. Notes are switched off; browsing works as usual."),
    "too-new": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file {path} was written by a newer version of Forum Atlas (notes format {version}; "
        "this version reads up to {supported}). It was left untouched and notes are switched off. Open it "
        "with the newer version, or move it aside to start a new notes file."),
    "other-window-opening": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Another Forum Atlas window is opening your notes; this window cannot read them yet. Browsing "
        "works as usual."),
    "other-process-opening": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Another Forum Atlas window (process {process}) is opening your notes; this window cannot read "
        "them yet. Browsing works as usual."),
    "other-window": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Another Forum Atlas window has your notes open, so this window shows them read-only. To edit "
        "notes here, close the other window and reopen this one."),
    "other-process": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Another Forum Atlas window (process {process}) has your notes open, so this window shows them "
        "read-only. To edit notes here, close the other window and reopen this one."),
    "new-file": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "No notes file was found, so a new one was started at {path}. Backups of earlier notes are in "
        "{backups}."),
    "upgrade-failed": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas could not upgrade your notes file {path} from version {now_at} to {target} "
        "({error}). It was left as it was. Notes are switched off for now."),
    "upgrade-half-done": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas could not upgrade your notes file {path} from version {now_at} to {target} "
        "({error}). It was upgraded to version {now_at}, but the next step failed; the backup of it as it "
        "was before is in {backups}. Notes are switched off for now."),
    "lock-lost": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "The lock file of your notes ({lock}) was removed, and another Forum Atlas process now holds your "
        "notes. This window no longer saves, so that neither overwrites the other; your unsaved text is "
        "kept in this window."),
    "lock-lost-why": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "The lock file of your notes ({lock}) was removed, and another Forum Atlas process now holds your "
        "notes ({error}). This window no longer saves, so that neither overwrites the other; your unsaved "
        "text is kept in this window."),
    "file-moved": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file {path} was moved, deleted or replaced while Forum Atlas had it open, so this "
        "window stopped saving rather than write into a file nobody would read. Your unsaved text is kept "
        "in this window; reopen Forum Atlas to go on."),
    "restored": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes were "
        "restored from the backup taken {taken} ({backup}). Changes made after that backup are not in the "
        "restored notes."),
    "restored-newest": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file was damaged ({damage}). It was moved aside as {aside}, and your notes were "
        "restored from the backup taken {taken} ({backup}), whose newest note was saved {newest}. Changes "
        "made after that backup are not in the restored notes."),
    "started-afresh": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your notes file was damaged ({damage}) and there was no good backup to restore, so a new, empty "
        "notes file was started. The damaged file was kept as {aside}."),
    "backup-failed": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Forum Atlas could not write a backup of your notes to {folder} ({error}). Your notes themselves "
        "are saved."),
    "team-role-read-only": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your role {role} may read the team's notes but not change them, so the server refused this "
        "change. Your text is kept on this computer as a draft."),
    "team-role-lists": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Your role {role} may see the team's bookmarks and baskets but not change them, so the server "
        "refused this change."),
    "not-open": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Notes are not open."),
    "read-only": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Notes are read-only."),
    "closed": QT_TRANSLATE_NOOP(
        "NotesMessages",
        "Notes are closed."),
}


# model.notes.describe_error's fixed words for a disk or database error (the system's own, strerror, stay as given)
ERRORS = (QT_TRANSLATE_NOOP("NotesMessages", "the disk is full"),
          QT_TRANSLATE_NOOP("NotesMessages", "another program has the file busy"),
          QT_TRANSLATE_NOOP("NotesMessages", "the file or its folder is read-only"),
          QT_TRANSLATE_NOOP("NotesMessages",
                            "the file cannot be opened (permissions, or a missing or read-only location)"))


def error_words(text: str) -> str:
    """A disk or database error as model.notes.describe_error put it, in the interface's language."""
    return translate("NotesMessages", text) if text in ERRORS else text


def said(message: str) -> str:
    """``message`` (a model.notes_messages.Message, or any text) in the interface's language."""
    key = getattr(message, "key", None)
    if key not in TEMPLATES:
        return message
    params = {name: error_words(value) if name == "error" else value for name, value in message.params.items()}
    return translate("NotesMessages", TEMPLATES[key]).format(**params)
