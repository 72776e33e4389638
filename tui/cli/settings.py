"""The settings files, read once: what they gave is kept beside the cache until one changes.

Reading config.yaml takes PyYAML, whose import alone is about a tenth of the dashboard's
start; a warm start reads the settings kept from the last one instead, when every settings
file (and the code that reads them) is as it was then, told by its stat data: path, size,
modification and change time, inode. A file changed less than RACY_SECONDS ago might change
again within the same timestamp tick: what it gives is not kept.
"""

from __future__ import annotations

import os
import time

from tui.files.config import Config, config_files, load_config

RACY_SECONDS = 2.0


def read_config(explicit: str | None = None) -> Config:
    """`load_config(explicit)`, from what the last start kept when the files are unchanged."""
    files = config_files(explicit)
    if not files:
        return load_config(explicit)  # the defaults: nothing to parse
    from tui.store.derived import read_derived, write_derived

    key, settled = _signature(files)
    name = f"settings\0{os.getcwd()}"
    kept = read_derived(name, key)
    if isinstance(kept, Config):
        return kept
    config = load_config(explicit)
    if settled:
        write_derived(name, key, config)
    return config


def _signature(files: list[str]) -> tuple[str, bool]:
    """What changes when a settings file, or the code that reads it, changes; and whether
    nothing changed too recently to be sure."""
    import tui.files.config
    import tui.model.problems

    code = [tui.files.config.__file__, tui.model.problems.__file__,
            os.path.join(os.path.dirname(tui.files.config.__file__), "yaml_reader.py")]
    records = [os.getcwd()]
    newest = 0
    for path in [*files, *code]:
        try:
            info = os.stat(path)
        except OSError:
            records.append(f"{path}\0-")
            continue
        records.append(f"{os.path.realpath(path)}\0{path}\0{info.st_mtime_ns} "
                       f"{info.st_ctime_ns} {info.st_size} {info.st_ino} {info.st_dev}")
        newest = max(newest, info.st_mtime_ns, info.st_ctime_ns)
    return "\n".join(records), newest < time.time_ns() - int(RACY_SECONDS * 1e9)


__all__ = ["read_config"]
