"""The PDF as a document: title, author and subject in its metadata, and an outline (bookmarks) that
matches the pack's contents page. Qt's PDF writer makes neither, so pypdf rewrites the finished file.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pypdf import PdfWriter
from pypdf.errors import PyPdfError


@dataclass
class Info:
    title: str
    subject: str
    author: str = "Forum Atlas"
    outline: list[tuple[str, int]] = field(default_factory=list)  # (title, 1-based page), filled while painting


class FinishError(Exception):
    """The PDF could not be given its metadata or outline; the message says why."""


def finish(path: Path, info: Info) -> None:
    """Give the PDF at ``path`` its metadata and outline, in place (through a file beside it).

    An incremental update: Qt's pages are copied as they are and only the new objects are appended."""
    tmp = path.with_name(path.name + ".outline")
    try:
        writer = PdfWriter(path, incremental=True)
        writer.add_metadata({"/Title": info.title, "/Author": info.author, "/Subject": info.subject,
                             "/Creator": "Forum Atlas"})
        for title, page in info.outline:
            writer.add_outline_item(title=title, page_number=page - 1)
        if info.outline:
            writer.page_mode = "/UseOutlines"  # a reader opens with the bookmarks shown
        with open(tmp, "wb") as fh:
            writer.write(fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except PyPdfError as exc:
        raise FinishError(f"the PDF could not be finished ({exc})") from None
    finally:
        tmp.unlink(missing_ok=True)
