"""Remove from output/ whatever this build did not write: a withdrawn story's page, its photo,
and listing pages that no longer exist must not linger from an earlier build.

Pelican can empty output/ before every build (DELETE_OUTPUT_DIRECTORY), but a cached rebuild
then spends as long deleting as it saves by not reading (measured: 1.5 s of a 2.4 s rebuild of
1,000 stories). Instead the files written in this build are recorded from Pelican's signals and
the rest is removed at the end. The theme's static folder (copied by Pelican without a signal)
and OUTPUT_RETENTION are kept; the search index is rebuilt after Pelican by `make html`.
"""

from __future__ import annotations

import os

_written: set[str] = set()


def start(pelican) -> None:
    _written.clear()


def record(path, **_) -> None:
    """Receiver of content_written and feed_written; the generator calls it for its text files."""
    _written.add(os.path.abspath(path))


def record_static(generator) -> None:
    for static in generator.staticfiles:
        _written.add(os.path.abspath(os.path.join(generator.output_path, static.save_as)))


def sweep(pelican) -> None:
    output = os.path.abspath(pelican.output_path)
    if not os.path.isdir(output):
        return
    kept = {*pelican.settings.get("OUTPUT_RETENTION", []), pelican.settings["THEME_STATIC_DIR"]}
    for folder, _, files in os.walk(output, topdown=False):
        if os.path.relpath(folder, output).split(os.sep)[0] in kept:
            continue
        for name in files:
            path = os.path.join(folder, name)
            if path not in _written and (folder != output or name not in kept):
                os.remove(path)
        if folder != output and not os.listdir(folder):
            os.rmdir(folder)
