"""Forum Atlas: the application's front door (the `forum-atlas` command)."""


def __getattr__(name: str) -> str:
    """``__version__``, looked up on first use (model/version.py says why)."""
    if name == "__version__":
        from model.version import version

        return version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
