"""The program's version, from the installed package's metadata (a bundle carries a copy: build_spec)."""

from __future__ import annotations

UNKNOWN = "0+unknown"


def version() -> str:
    """e.g. "0.1.0"; UNKNOWN when the metadata is missing (a bundle built without it).

    importlib.metadata is imported here, on first use: at start-up it would cost the window ~30 ms.
    """
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("forum-atlas")
    except PackageNotFoundError:
        return UNKNOWN
