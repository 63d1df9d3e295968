"""The pipeline's named exceptions. The CLI turns each into one Vietnamese line (exit 1 or 2)."""


class PipelineError(Exception):
    """Something the user can act on: the message is Vietnamese and says what to do."""

    exit_code = 1


class UsageError(PipelineError):
    """The command line itself is wrong (exit 2)."""

    exit_code = 2
