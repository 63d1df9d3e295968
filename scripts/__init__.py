"""The publishing pipeline of the "Điển hình tiên tiến" column.

Data flows load → check → use: ``nomination.loader`` turns a file's bytes into a
``Nomination``, ``nomination.checker`` turns it into ``Problem`` values, and every consumer
goes through those two.

Where things live (one room per stage or capability; tests mirror it under ``tests/``):

- ``common/``      helpers every room uses: repository paths, the generated folders (never from
                   git), settings, clock, month periods,
                   file writes, the parallel map, Vietnamese text rules, named errors.
- ``nomination/``  bytes to a checked nomination: decoding, front matter, loader, schema,
                   domain rules (a new field or rule goes here), a file's state, the unit and
                   council registries, problems and their reporters; the one public projection
                   of a story and consent across stories (a withheld photo stays withheld).
- ``review/``      the council's decisions (approve, return, withdraw, forward) as signed commits,
                   import of historical files, the queue, the pull-request checks (approvals,
                   signatures, send dates), the audit, and the git operations they need.
- ``reports/``     the history that cross-checks send dates, monthly and yearly tallies and their
                   rendering, the radio bulletin and reading aloud.
- ``images/``      photos: whether a file is a sound image, its re-encoded variants (no
                   metadata, a few widths, WebP plus a fallback) and their cache.
- ``intake/``      the forms editors fill without a terminal (GitHub's issue form, the Word form):
                   made from the schema, read back into a nomination file or a list of fixes.
- ``publishing/``  what leaves the ward as HTML: the one Markdown renderer + sanitizer (the
                   checker judges a body on its tokens) and the pages' security policy, shared by
                   the site and the forward bundle.
- ``site/``        the Pelican plugin: reading published stories, listings, pages, feeds.
- ``commands/``    the thin command line: one module per ``python -m scripts <command>``.
"""
