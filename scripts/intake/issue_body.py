"""The body GitHub renders from a submitted issue form, read back by the form's own labels.

GitHub writes each answered element as ``### <label>``, a blank line, then the answer; an empty
answer as ``_No response_``; checkboxes as ``- [X] option`` / ``- [ ] option``. Headings are
looked for in the form's order, each after the previous one, so a ``### `` line a contributor
types inside the story cannot start a field of its own.
"""

from __future__ import annotations

import re

NO_RESPONSE = "_No response_"
_CHECKBOX = re.compile(r"^\s*[-*]\s*\[([ xX])\]\s*(.*?)\s*$")


def answers(body: str, elements: list[dict]) -> tuple[dict[str, str | None], list[str]]:
    """(answer by element id, labels of the form not found in the body).

    ``elements`` are the form's body elements with an id; an answer is the text under its
    heading with surrounding blank lines removed, or None for ``_No response_`` and empty text.
    """
    text = body.replace("\r\n", "\n").replace("\r", "\n")
    found: list[tuple[str, int, int]] = []  # (id, start of answer, start of heading)
    missing: list[str] = []
    position = 0
    for element in elements:
        heading = re.compile(rf"^###[ \t]+{re.escape(element['attributes']['label'])}[ \t]*$", re.M)
        match = heading.search(text, position)
        if match is None:
            missing.append(element["attributes"]["label"])
            continue
        found.append((element["id"], match.end(), match.start()))
        position = match.end()
    result: dict[str, str | None] = {element["id"]: None for element in elements}
    for index, (key, start, _) in enumerate(found):
        end = found[index + 1][2] if index + 1 < len(found) else len(text)
        value = text[start:end].strip("\n").strip()
        result[key] = None if value in ("", NO_RESPONSE) else value
    return result, missing


def checked(answer: str | None) -> set[str]:
    """The options ticked in a rendered checkbox list."""
    ticked = set()
    for line in (answer or "").split("\n"):
        match = _CHECKBOX.match(line)
        if match and match.group(1) in "xX":
            ticked.add(match.group(2))
    return ticked
