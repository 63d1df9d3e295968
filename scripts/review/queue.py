"""The council's queue: what waits for appraisal, and the repeats the ward's instruction warns of.

Văn bản 124/UBND asks the council to stop "chia thành tích" and "chạy thành tích" (split and
chased achievements). The queue makes the patterns visible; it decides nothing:

- the same nominee put forward by several units, or in several months (names compared folded:
  case, tones and spacing ignored, so "Nguyễn Văn Đức" and "nguyen van  duc" are one person);
- near-duplicate stories: word 3-shingles of the folded story, compared by Jaccard similarity.
  Cheap, explainable ("62% of the word sequences are shared") and dependency-free.

Flags look across both state folders: a pending nomination that repeats an already published story
is exactly what the council must see.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TextIO

from scripts.common import clock, hints
from scripts.common.period import month_label
from scripts.common.repo import NOMINATIONS, Repo
from scripts.common.terminal import InertWriter, inert_json
from scripts.common.vietnamese import comparable, short_date, sort_key, weekday_date
from scripts.nomination.loader import Nomination, load
from scripts.nomination.state import DECISION_LABELS, State, earlier_decisions
from scripts.nomination.units import UnitRegistry

ORDER = (State.SUBMITTED, State.RETURNED, State.WITHDRAWN, State.APPROVED_UNMOVED)
"""The states of content/nominations/ in the order the queue shows them."""
SHINGLE = 3
SIMILAR = 0.3
"""Jaccard similarity from which two stories are flagged as near-duplicates."""
MAX_SHOWN = 5
"""Other files one story's flags name. A story sent a thousand times is flagged on each copy,
not printed a million times: the output stays proportional to the number of files, and the
search for near-duplicates of a story stops once more than this many are found."""
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Flag:
    code: str
    """repeat.units, repeat.months or similar.story."""
    message: str
    others: tuple[str, ...]


@dataclass
class Story:
    """One nomination as the queue sees it."""

    rel: str
    folder: str
    state: State
    period: str
    unit: str
    unit_name: str
    title: str
    nominee: str
    submitted_on: dt.date | None
    since: dt.date | None
    """The day the current wait began: sent (submitted) or decided (returned, withdrawn)."""
    history: list[dict] = field(default_factory=list)
    """The council's earlier decisions on this file (``review.history``), oldest first."""
    shingles: frozenset[str] = field(repr=False, default=frozenset())
    flags: list[Flag] = field(default_factory=list)

    def waiting(self, today: dt.date) -> int | None:
        return (today - self.since).days if self.since else None


@dataclass
class Queue:
    today: dt.date
    stories: list[Story]
    """The nominations waiting in content/nominations/ (of the month asked for), oldest first."""
    unreadable: list[str]


def person_key(name: str) -> str:
    """A nominee's name folded for comparison: no case, tones or extra spaces."""
    return " ".join(comparable(name).split())


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    words = _WORD.findall(comparable(text))
    return frozenset(" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 0)))


def similarity(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)


class _Near:
    """Near-duplicate search by prefix filtering (Bayardo et al., "Scaling up all pairs
    similarity search"): with shingles ordered rarest first, two stories whose Jaccard similarity
    reaches SIMILAR share a shingle in the first ``size - SIMILAR·size + 1`` of each. Only
    stories sharing one are compared: a thousand distinct stories are not a million comparisons."""

    def __init__(self, everything: list[Story]) -> None:
        self.everything = everything
        frequency = Counter(shingle for story in everything for shingle in story.shingles)
        self.prefix: dict[str, list[str]] = {}
        self.index: dict[str, list[int]] = defaultdict(list)
        for position, story in enumerate(everything):
            ordered = sorted(story.shingles, key=lambda shingle: (frequency[shingle], shingle))
            # Floor, not ceiling: a longer prefix is never wrong, a float rounded up could be.
            prefix = ordered[:len(ordered) - int(SIMILAR * len(ordered)) + 1]
            self.prefix[story.rel] = prefix
            for shingle in prefix:
                self.index[shingle].append(position)

    def candidates(self, story: Story) -> list[Story]:
        """The stories that can be similar to ``story``, in the order of ``everything``."""
        positions: set[int] = set()
        for shingle in self.prefix.get(story.rel) or ():
            positions.update(self.index[shingle])
            if len(positions) == len(self.everything):
                break  # every story already is a candidate (a story sent many times)
        return [self.everything[position] for position in sorted(positions)]


def _similar(story: Story, near: _Near) -> tuple[list[tuple[float, Story]], bool]:
    """The stories most like ``story`` (most similar first), and whether there are more."""
    mine = story.shingles
    size = len(mine)
    found = []
    for other in near.candidates(story):
        theirs = other.shingles
        # Jaccard is at most the ratio of the sizes: most pairs end here, without an intersection.
        if other.rel == story.rel or not size or min(size, len(theirs)) < SIMILAR * max(size, len(theirs)):
            continue
        score = similarity(mine, theirs)
        if score >= SIMILAR:
            found.append((score, other))
            if len(found) > MAX_SHOWN:
                break
    found.sort(key=lambda pair: -pair[0])
    return found[:MAX_SHOWN], len(found) > MAX_SHOWN


def _named(others: list[Story]) -> str:
    named = "; ".join(_describe(o) for o in others[:MAX_SHOWN])
    return f"{named}; và {len(others) - MAX_SHOWN} phiếu khác" if len(others) > MAX_SHOWN else named


def _story(nomination: Nomination, folder: str, units: UnitRegistry) -> Story:
    meta = nomination.meta
    review = nomination.review
    state = State.of(folder, review.get("decision"))
    nominee = nomination.nominee
    unit_id = nomination.unit_id or ""
    unit = units.get(unit_id)
    submitted = nomination.submitted_on
    since = submitted if state.pending else clock.parse_date(review.get("on")) or submitted
    text = " ".join(str(meta.get(key) or "") for key in ("summary", "impact")) + " " + nomination.body
    return Story(
        rel=nomination.rel,
        folder=folder,
        state=state,
        period=nomination.period or nomination.path.parent.name,
        unit=unit_id,
        unit_name=unit.name if unit else unit_id,
        title=nomination.title or nomination.slug,
        nominee=str(nominee.get("name") or ""),
        submitted_on=submitted,
        since=since,
        history=earlier_decisions(review),
        shingles=shingles(text),
    )


def read_all(repo: Repo, units: UnitRegistry) -> tuple[list[Story], list[str]]:
    """Every story of both state folders, and the files that could not be read."""
    stories, unreadable = [], []
    for path in repo.content_files():
        result = load(path, repo)
        if result.nomination is None:
            unreadable.append(repo.relative(path))
            continue
        stories.append(_story(result.nomination, repo.state_folder(path) or NOMINATIONS, units))
    return stories, unreadable


def _describe(story: Story) -> str:
    where = story.state.heading.lower()
    return f"{story.rel} ({story.unit_name}, {month_label(story.period)}, {where})"


def flag(queued: list[Story], everything: list[Story]) -> None:
    """Add to each queued story the flags that link it to any other story."""
    by_person: dict[str, list[Story]] = defaultdict(list)
    for story in everything:
        if story.nominee:
            by_person[person_key(story.nominee)].append(story)
    near = _Near(everything)
    for story in queued:
        same = [o for o in by_person.get(person_key(story.nominee), []) if o.rel != story.rel] \
            if story.nominee else []
        for code, others, what in (
            ("repeat.units", [o for o in same if o.unit != story.unit], "được đơn vị khác giới thiệu"),
            ("repeat.months", [o for o in same if o.period != story.period], "được giới thiệu ở kỳ khác"),
        ):
            if others:
                story.flags.append(Flag(
                    code, f"\"{story.nominee}\" cũng {what}: {_named(others)}",
                    tuple(o.rel for o in others[:MAX_SHOWN]),
                ))
        close, more = _similar(story, near)
        for score, other in close:
            story.flags.append(Flag(
                "similar.story",
                f"nội dung gần trùng với {_describe(other)}: {round(score * 100)}% cụm ba từ giống nhau",
                (other.rel,),
            ))
        if more:
            last = story.flags[-1]
            story.flags[-1] = replace(last, message=f"{last.message} (và các phiếu khác: hơn {MAX_SHOWN} "
                                                    "phiếu gần trùng)")


def build(repo: Repo, units: UnitRegistry, today: dt.date, month: str | None = None) -> Queue:
    """The queue of content/nominations/ (of ``month`` when given), flagged against everything."""
    everything, unreadable = read_all(repo, units)
    queued = [s for s in everything if s.folder == NOMINATIONS and (month is None or s.period == month)]
    queued.sort(key=lambda s: (
        ORDER.index(s.state), s.period, sort_key(s.unit_name), s.since or dt.date.max, s.rel,
    ))
    flag(queued, everything)
    return Queue(today, queued, unreadable)



def _wait_text(story: Story, today: dt.date) -> str:
    days = story.waiting(today)
    if story.since is None:
        return "chưa ghi ngày gửi"
    when = short_date(story.since)
    if story.state is State.SUBMITTED:
        return f"gửi {when}, chờ {days} ngày"
    if story.state is State.RETURNED:
        return f"trả lại {when}, {days} ngày chưa gửi lại"
    if story.state is State.WITHDRAWN:
        return f"gỡ {when}"
    return f"gửi {when}"


def _decision_text(entry: dict) -> str:
    """One earlier decision as the council reads it: date, decision, who, minutes, reason."""
    day = clock.parse_date(entry.get("on"))
    decision = entry.get("decision")
    label = DECISION_LABELS.get(decision, "?") if isinstance(decision, str) else "?"
    text = f"{short_date(day) if day else entry.get('on')} {label}"
    text += f" – {entry.get('by')}" + (f", {entry['ref']}" if entry.get("ref") else "")
    return text + (f": {entry['reason']}" if entry.get("reason") else "")


def report_text(queue: Queue, out: TextIO) -> None:
    out = InertWriter(out)
    out.write(f"Hàng chờ của Hội đồng, {weekday_date(queue.today)}: {len(queue.stories)} phiếu\n")
    last: tuple = ()
    counts = Counter(story.state for story in queue.stories)
    for story in queue.stories:
        keys = (story.state, story.period, story.unit)
        heading = f"{story.state.heading} ({counts[story.state]})"
        labels = (heading, month_label(story.period), story.unit_name)
        for depth in range(3):
            if keys[:depth + 1] != last[:depth + 1]:
                out.write(("\n" if depth == 0 else "") + "  " * depth + labels[depth] + "\n")
        last = keys
        out.write(f"      {story.rel}\n        {story.title} – {story.nominee} – "
                  f"{_wait_text(story, queue.today)}\n")
        for entry in story.history:
            out.write(f"        Quyết định trước: {_decision_text(entry)}\n")
        for found in story.flags:
            out.write(f"        ⚠ {found.message}\n")
    flagged = sum(1 for s in queue.stories if s.flags)
    if flagged:
        out.write(
            f"\nCần xem kỹ {flagged} phiếu có dấu ⚠ (Văn bản 124/UBND: khắc phục tình trạng "
            "\"chia thành tích\", \"chạy thành tích\").\n"
        )
    for rel in queue.unreadable:
        out.write(f"Không đọc được {rel}: chạy \"{hints.validate(rel)}\" để xem lỗi.\n")


def report_json(queue: Queue, out: TextIO) -> None:
    data = {
        "today": queue.today.isoformat(),
        "stories": [
            {
                "path": s.rel, "state": s.state.code, "period": s.period, "unit": s.unit,
                "title": s.title, "nominee": s.nominee,
                "since": s.since.isoformat() if s.since else None,
                "waiting_days": s.waiting(queue.today),
                "history": s.history,
                "flags": [{"code": f.code, "message": f.message, "others": list(f.others)}
                          for f in s.flags],
            }
            for s in queue.stories
        ],
        "unreadable": queue.unreadable,
    }
    out.write(inert_json(json.dumps(data, ensure_ascii=False, indent=2)) + "\n")


REPORTERS: dict[str, Callable[[Queue, TextIO], None]] = {"text": report_text, "json": report_json}
