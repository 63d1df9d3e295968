"""The publishing pipeline of the "Điển hình tiên tiến" column.

Data flows load → check → use: ``loader`` turns a file's bytes into a ``Nomination``,
``checker`` turns it into ``Problem`` values, and every consumer (the ``validate`` command,
the review commands, the Pelican plugin, the reports) goes through those two.
"""
