"""Where caches live (the load cache, the search index): a module of its own, so that finding
the folder does not import the cache."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where caches live: `explicit`, else $BRIEFING_CACHE_DIR, else the user's cache folder."""
    if explicit is not None:
        return Path(explicit)
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_cache_dir("briefing"))


__all__ = ["cache_dir"]
