"""Forum Atlas: the application's front door (the `forum-atlas` command)."""


def __getattr__(name: str):
    """``__version__``, looked up on first use: importing importlib.metadata costs the window's start ~30 ms."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("forum-atlas")
        except PackageNotFoundError:  # a bundle without package metadata
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
