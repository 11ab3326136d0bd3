"""Where Forum Atlas finds its files, from a source checkout or from inside a PyInstaller bundle."""

from __future__ import annotations

import os
import sys
from pathlib import Path

FROZEN = getattr(sys, "frozen", False)
# In a bundle, data files sit under sys._MEIPASS; in a checkout, beside model/.
ROOT = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
PAPER_NAME = "security-multilateralism-in-asia.txt"


def resource(*parts: str) -> Path:
    """The path of a bundled resource, e.g. resource('forum-atlas.sqlite')."""
    return ROOT.joinpath("resources", *parts)


def data_dir() -> Path:
    return resource("data")


def database() -> Path:
    """The bundled reference database; FORUM_ATLAS_DB points elsewhere (tests, benchmarks)."""
    return Path(os.environ.get("FORUM_ATLAS_DB") or resource("forum-atlas.sqlite"))


def default_paper() -> Path | None:
    """The paper's text, when this machine has it: FORUM_ATLAS_PAPER, or ../shared/source beside a checkout."""
    env = os.environ.get("FORUM_ATLAS_PAPER")
    if env:
        return Path(env)
    candidate = ROOT.parent / "shared" / "source" / PAPER_NAME
    return candidate if candidate.is_file() else None
