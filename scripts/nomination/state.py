"""A nomination's state: where its file lives plus the council's last decision, in one vocabulary.

The folder and ``review.decision`` must agree (the checker says so when they do not); every
consumer (queue, reports, pull-request check, decisions, site) asks ``State.of`` instead of
working it out again.
"""

from __future__ import annotations

import enum

from scripts.common.repo import NOMINATIONS, PUBLISHED

APPROVED = "approved"
RETURNED = "returned"
WITHDRAWN = "withdrawn"
DECISIONS = (APPROVED, RETURNED, WITHDRAWN)
"""The values of ``review.decision`` (the schema's enum)."""


class State(enum.Enum):
    """Each state with its short label (tables, commit messages) and its heading in the queue."""

    SUBMITTED = ("submitted", "Chờ thẩm định", "Chờ thẩm định")
    RETURNED = (RETURNED, "Trả lại", "Đã trả lại, chờ đơn vị bổ sung")
    WITHDRAWN = (WITHDRAWN, "Gỡ bài", "Đã gỡ khỏi chuyên mục")
    PUBLISHED = ("published", "Thông qua", "Đã đăng")
    APPROVED_UNMOVED = (
        APPROVED, "Thông qua, chưa chuyển", "Đã thông qua nhưng chưa chuyển sang content/published/"
    )
    """Stamped approved but still in nominations/: a mistake the checker reports."""
    UNAPPROVED = ("unapproved", "Chưa thông qua", "Trong content/published/ nhưng chưa có dấu thông qua")
    """In published/ without an approval: a mistake the checker reports, never built."""

    def __init__(self, code: str, label: str, heading: str) -> None:
        self.code = code
        self.label = label
        self.heading = heading

    @classmethod
    def of(cls, folder: str | None, decision: object) -> State:
        """The state of a file in ``folder`` ("nominations" or "published") stamped ``decision``.

        ``decision`` is whatever the file holds (a list, a mapping): only text can name one."""
        if not isinstance(decision, str):
            decision = None
        if folder == PUBLISHED:
            return cls.PUBLISHED if decision == APPROVED else cls.UNAPPROVED
        if folder != NOMINATIONS:
            raise ValueError(f"not a state folder: {folder!r}")
        return {
            RETURNED: cls.RETURNED, WITHDRAWN: cls.WITHDRAWN, APPROVED: cls.APPROVED_UNMOVED,
        }.get(decision, cls.SUBMITTED)  # type: ignore[arg-type]

    @property
    def pending(self) -> bool:
        """Waiting for the council (the queue shows it)."""
        return self in (State.SUBMITTED, State.APPROVED_UNMOVED)


DECISION_LABELS = {
    APPROVED: State.PUBLISHED.label, RETURNED: State.RETURNED.label, WITHDRAWN: State.WITHDRAWN.label,
}
"""The short label of each decision, as commit messages and the decision history show it."""


def earlier_decisions(review: dict) -> list[dict]:
    """The earlier decisions of a ``review`` block, whatever the file wrote there: only a list's
    mappings are decisions (``history: 5`` stopped status and return)."""
    entries = review.get("history")
    return [entry for entry in entries if isinstance(entry, dict)] if isinstance(entries, list) else []
