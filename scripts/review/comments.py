"""A council member's decision written as a comment on a nomination's pull request.

``/thong-qua Biên bản số 05/BB-HĐTĐKT`` approves, ``/tra-lai <lý do>`` returns. Who may decide
is the commenter's GitHub login looked up in the base branch's council registry (a pull request
cannot add its author to it); the decision is the same one the CLI makes, committed and signed
with the workflow's own key, with trailers naming the member and the login that asked for it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from scripts.nomination.council import Council, Member

APPROVE = "approve"
RETURN = "return"
_WORDS = {"/thong-qua": APPROVE, "/tra-lai": RETURN}


@dataclass(frozen=True)
class Request:
    verb: str
    text: str
    """The minutes' reference (approve) or the reason (return)."""


def parse(body: str) -> Request | None:
    """The decision a comment asks for, or None when it is an ordinary comment."""
    text = (body or "").replace("\r\n", "\n").strip()
    word, _, rest = text.partition(" ") if " " in text.split("\n", 1)[0] else text.partition("\n")
    verb = _WORDS.get(word.strip().lower())
    if verb is None:
        return None
    if verb == APPROVE:
        rest = rest.split("\n", 1)[0]
    return Request(verb, " ".join(rest.split()))


def member_for(login: str, council: Council, day: dt.date) -> Member | None:
    """The serving member (a person, not the workflow) who owns ``login``."""
    member = next((m for m in council.members if m.github.lower() == login.lower()), None)
    if member is None or member.workflow or not member.serves_on(day):
        return None
    return member
