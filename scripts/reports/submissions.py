"""Who sent what, when: per-unit rows for the monthly and yearly reports.

Every nomination file for the period is loaded (the shared loader) and its ``submitted_on`` judged
against the deadline: the pull-request check held that date to GitHub's clock when the file
arrived. Git history (``githistory``) is the cross-check: a file whose ``submitted_on`` is more than
a day earlier than the dates of the commit that added it is not counted but marked "cần kiểm tra"
with the reason. Every unit of the registry gets a row, those that sent nothing included.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common import clock
from scripts.common.period import Period
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo
from scripts.common.vietnamese import short_date
from scripts.nomination.loader import load
from scripts.nomination.state import State
from scripts.nomination.units import Unit, UnitRegistry
from scripts.reports.githistory import Added, History, read_history

DEADLINE_DAY = 15
"""Units send their examples "trước ngày 15 hằng tháng" (Văn bản số 124/UBND ngày 31/3/2021 of the
ward's People's Committee). "Trước ngày 15" is read as Vietnamese administrative texts read it:
before the 15th, so the 15th itself is late. On time = sent on or before LAST_ON_TIME_DAY of the
month the nomination is for (or earlier), in the ward's time zone."""
LAST_ON_TIME_DAY = DEADLINE_DAY - 1


GRACE_DAYS = 1
"""How far ``submitted_on`` may fall before a git date of its commit (around midnight) unflagged."""

SOURCE_CHECKED = "checked"
"""``submitted_on`` agrees with the commit that added the file."""
SOURCE_IMPORTED = "imported"
"""Added by the council's import commit: history says nothing about sending."""
SOURCE_UNCHECKED = "unchecked"
"""No git date to compare with (uncommitted, no history, shallow clone)."""

def deadline(period: Period) -> dt.date:
    """The first day that is late for ``period``."""
    return period.day(DEADLINE_DAY)


@dataclass
class Submission:
    """One nomination file for the period, with what the report needs to know about it."""

    rel: str
    slug: str
    period: str
    unit_id: str | None
    state: State
    forwarded: bool
    declared: dt.date | None
    """``submitted_on`` as written in the file: the sending date that counts."""
    added: Added | None = None
    """The commit that first added the file, when history has it."""
    fallback: str = ""
    """Why there is no git date to compare with (Vietnamese), when there is none."""

    @property
    def sent(self) -> dt.date | None:
        return self.declared

    @property
    def git(self) -> dt.date | None:
        """The later of the adding commit's author and committer days."""
        return max(self.added.days) if self.added else None

    @property
    def source(self) -> str:
        if self.added and self.added.imported:
            return SOURCE_IMPORTED
        return SOURCE_CHECKED if self.added else SOURCE_UNCHECKED

    @property
    def check_reason(self) -> str:
        """Why the file is not counted (Vietnamese), or "" when its ``submitted_on`` can be."""
        if self.declared is None:
            return "thiếu ngày gửi (submitted_on)"
        if self.source != SOURCE_CHECKED:
            return ""
        grace = dt.timedelta(days=GRACE_DAYS)
        commit = self.added.commit[:10]
        authored, committed = self.added.days
        reasons = []
        if max(authored, committed) - self.declared > grace:
            reasons.append(
                f"phiếu ghi ngày gửi {short_date(self.declared)} nhưng commit {commit} thêm tệp có ngày "
                f"tác giả {short_date(authored)}, ngày commit {short_date(committed)} "
                f"(sau {(max(authored, committed) - self.declared).days} ngày)"
            )
        parent = self.added.parents_committed
        if parent and parent.date() - committed > grace:
            reasons.append(
                f"commit {commit} có ngày commit {short_date(committed)}, sớm hơn commit cha của nó "
                f"({short_date(parent.date())}): ngày của commit đã bị đặt lùi"
            )
        return "; ".join(reasons)

    @property
    def needs_check(self) -> bool:
        return bool(self.check_reason)

    @property
    def on_time(self) -> bool | None:
        """True or False by ``submitted_on``; None when it is missing or must be checked first."""
        if self.needs_check:
            return None
        return self.sent < deadline(Period.parse(self.period))


@dataclass(frozen=True)
class Unreadable:
    rel: str
    message: str


@dataclass
class Tally:
    sent: int = 0
    on_time: int = 0
    late: int = 0
    to_check: int = 0
    """Not counted: ``submitted_on`` missing or disagreeing with history ("cần kiểm tra")."""
    states: Counter = field(default_factory=Counter)
    forwarded: int = 0

    def add(self, item: Submission) -> None:
        self.sent += 1
        if item.on_time is True:
            self.on_time += 1
        elif item.on_time is False:
            self.late += 1
        else:
            self.to_check += 1
        self.states[item.state] += 1
        self.forwarded += item.forwarded

    def merge(self, other: Tally) -> None:
        self.sent += other.sent
        self.on_time += other.on_time
        self.late += other.late
        self.to_check += other.to_check
        self.states.update(other.states)
        self.forwarded += other.forwarded


@dataclass
class UnitMonth:
    unit: Unit
    items: list[Submission]
    tally: Tally

    @property
    def sources(self) -> list[str]:
        return sorted({item.source for item in self.items})


@dataclass
class MonthReport:
    year: int
    month: int
    today: dt.date
    rows: list[UnitMonth]
    total: Tally
    unknown_unit: list[Submission]
    """Nominations whose ``submitted_by`` is not in the registry (or missing)."""
    unreadable: list[Unreadable]
    history: History

    @property
    def period(self) -> str:
        return str(Period(self.year, self.month))

    @property
    def due(self) -> dt.date:
        return deadline(Period(self.year, self.month))

    @property
    def is_due(self) -> bool:
        """The deadline has passed: a unit that sent nothing is late, not just not yet."""
        return self.today >= self.due

    @property
    def submissions(self) -> list[Submission]:
        return [item for row in self.rows for item in row.items] + self.unknown_unit


@dataclass
class UnitYear:
    unit: Unit
    months: dict[int, str]
    """Month → "on-time", "late", "check" (only files to check), "none" or "not-due"."""
    tally: Tally

    @property
    def on_time_months(self) -> int:
        return sum(1 for status in self.months.values() if status == "on-time")


@dataclass
class YearReport:
    year: int
    today: dt.date
    rows: list[UnitYear]
    total: Tally
    unknown_unit: list[Submission]
    unreadable: list[Unreadable]
    history: History
    to_check: list[Submission]
    """Files not counted until the council checks their sending date."""


def _state(folder: str, review: dict) -> State:
    """The file's state as the tallies count it: a file in published/ counts as published (the
    checker reports a missing stamp), a stamped file not yet moved as still waiting."""
    state = State.of(folder, review.get("decision"))
    return {State.UNAPPROVED: State.PUBLISHED, State.APPROVED_UNMOVED: State.SUBMITTED}.get(state, state)


def _files_for(repo: Repo, periods: set[str]) -> list[tuple[Path, str, str]]:
    """(path, state folder, period) of every .md file in a month folder of ``periods``."""
    found = []
    for folder_name, base in ((NOMINATIONS, repo.nominations), (PUBLISHED, repo.published)):
        for period in sorted(periods):
            folder = base / period
            if folder.is_dir():
                found.extend((path, folder_name, period) for path in sorted(folder.glob("*.md")))
    return found


def gather(repo: Repo, periods: set[str], history: History) -> tuple[list[Submission], list[Unreadable]]:
    """Load every nomination of ``periods``; a file that cannot be read is reported, not raised."""
    items: list[Submission] = []
    unreadable: list[Unreadable] = []
    for path, folder, period in _files_for(repo, periods):
        result = load(path, repo)
        rel = repo.relative(path)
        if result.nomination is None:
            message = "; ".join(p.message for p in result.problems) or "không đọc được tệp"
            unreadable.append(Unreadable(rel, message))
            continue
        review = result.nomination.review
        item = Submission(
            rel=rel, slug=path.stem, period=period, unit_id=result.nomination.unit_id,
            state=_state(folder, review), forwarded=review.get("forward") is True,
            declared=result.nomination.submitted_on,
        )
        if not history.available:
            item.fallback = history.reason
        else:
            added = history.first_added(rel)
            if added is None:
                item.fallback = "tệp chưa được commit"
            elif added.unreliable:
                item.fallback = added.unreliable
            else:
                item.added = added
        items.append(item)
    return items, unreadable


def month_report(repo: Repo, units: UnitRegistry, year: int, month: int,
                 today: dt.date | None = None, history: History | None = None) -> MonthReport:
    history = history if history is not None else read_history(repo)
    items, unreadable = gather(repo, {str(Period(year, month))}, history)
    by_unit: dict[str, list[Submission]] = {}
    unknown = []
    for item in items:
        if item.unit_id in units:
            by_unit.setdefault(item.unit_id, []).append(item)
        else:
            unknown.append(item)
    rows = []
    total = Tally()
    for unit in units.sorted():
        mine = sorted(by_unit.get(unit.id, []), key=lambda i: (i.sent or dt.date.max, i.slug))
        tally = Tally()
        for item in mine:
            tally.add(item)
        total.merge(tally)
        rows.append(UnitMonth(unit, mine, tally))
    for item in unknown:
        total.add(item)
    return MonthReport(year, month, today or clock.today(), rows, total, unknown, unreadable, history)


def year_report(repo: Repo, units: UnitRegistry, year: int,
                today: dt.date | None = None, history: History | None = None) -> YearReport:
    history = history if history is not None else read_history(repo)
    today = today or clock.today()
    periods = {str(period) for period in Period.months_of(year)}
    items, unreadable = gather(repo, periods, history)
    rows = []
    total = Tally()
    for unit in units.sorted():
        mine = [item for item in items if item.unit_id == unit.id]
        tally = Tally()
        months = {}
        for period in Period.months_of(year):
            month = period.month
            of_month = [item for item in mine if item.period == str(period)]
            for item in of_month:
                tally.add(item)
            if any(item.on_time for item in of_month):
                months[month] = "on-time"
            elif any(item.on_time is False for item in of_month):
                months[month] = "late"
            elif of_month:
                months[month] = "check"
            elif today < deadline(period):
                months[month] = "not-due"
            else:
                months[month] = "none"
        total.merge(tally)
        rows.append(UnitYear(unit, months, tally))
    unknown = [item for item in items if item.unit_id not in units]
    for item in unknown:
        total.add(item)
    to_check = sorted((item for item in items if item.needs_check), key=lambda i: (i.period, i.rel))
    return YearReport(year, today, rows, total, unknown, unreadable, history, to_check)
