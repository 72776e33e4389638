"""The settings files, read once: what they gave is kept beside the cache until one changes.

Reading config.yaml takes PyYAML, whose import alone is about a tenth of the dashboard's
start; a warm start reads the settings kept from the last one instead, when every settings
file (and the code that reads them) is as it was then, told by its stat data: path, size,
modification and change time, inode. A file changed less than RACY_SECONDS ago might change
again within the same timestamp tick: what it gives is not kept (the files' signature is the
search index's, `tui.search.freshness`).
"""

from __future__ import annotations

import os

from tui.files.config import Config, config_files, load_config

SETTINGS_CODE = ("files", "model")
"""The packages whose code decides what the settings files give."""


def read_config(explicit: str | None = None) -> Config:
    """`load_config(explicit)`, from what the last start kept when the files are unchanged."""
    files = config_files(explicit)
    if not files:
        return load_config(explicit)  # the defaults: nothing to parse
    from tui.search.freshness import files_signature
    from tui.store.derived import read_derived, write_derived

    signature = files_signature(files, code=SETTINGS_CODE)
    name = f"settings\0{os.getcwd()}"  # (relative paths in the files read from here)
    kept = read_derived(name, signature.digest)
    if isinstance(kept, Config):
        return kept
    config = load_config(explicit)
    if signature.settled:
        write_derived(name, signature.digest, config)
    return config


__all__ = ["read_config"]
