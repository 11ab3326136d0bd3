"""Forum Atlas: the application's front door (the `forum-atlas` command)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("forum-atlas")
except PackageNotFoundError:  # a bundle without package metadata
    __version__ = "0+unknown"
