"""Who sent what, when: per-unit rows for the monthly and yearly reports.

Every nomination file for the period is read through the checker, as ``validate`` reads it, and
its ``submitted_on`` judged against the deadline: the pull-request check held that date to GitHub's
clock when the file arrived. Git history (``githistory``) is the cross-check: a file whose
``submitted_on`` is more than a day earlier than the dates of the commit that added it is not
counted but marked "cần kiểm tra" with the reason. Every unit of the registry gets a row, those
that sent nothing included.

A file with an error is left out of every count and listed by name with its first error
(``LeftOut``): it is not yet a nomination on the ward's form, so it can score neither on time nor
late. Its unit's row says so, so that the council never reads "không gửi" for a unit that sent
something it must fix.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from scripts.common import clock, hints
from scripts.common.period import Period
from scripts.common.repo import NOMINATIONS, PUBLISHED, Repo, markdown_files
from scripts.common.vietnamese import short_date
from scripts.nomination.checker import CheckContext, check_files
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
    declared: dt.date
    """``submitted_on`` as written in the file (the checker requires it): the sending date that
    counts."""
    added: Added | None = None
    """The commit that first added the file, when history has it."""
    fallback: str = ""
    """Why there is no git date to compare with (Vietnamese), when there is none."""

    @property
    def sent(self) -> dt.date:
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
        if self.source != SOURCE_CHECKED:
            return ""
        grace = dt.timedelta(days=GRACE_DAYS)
        commit = self.added.commit[:10]
        authored, committed = self.added.days
        reasons = []
        if max(authored, committed) - self.declared > grace:
            reasons.append(
                f"phiếu ghi ngày gửi {short_date(self.declared)} nhưng hệ thống ghi nhận tệp ngày "
                f"{short_date(committed)}, người gửi khai ngày {short_date(authored)} "
                f"(sau {(max(authored, committed) - self.declared).days} ngày), mã lưu trữ {commit}"
            )
        parent = self.added.parents_committed
        if parent and parent.date() - committed > grace:
            reasons.append(
                f"lần lưu tệp vào hệ thống mang ngày {short_date(committed)}, sớm hơn lần lưu ngay trước "
                f"nó ({short_date(parent.date())}): ngày lưu đã bị đặt lùi (mã lưu trữ {commit})"
            )
        return "; ".join(reasons)

    @property
    def needs_check(self) -> bool:
        return bool(self.check_reason)

    @property
    def on_time(self) -> bool | None:
        """True or False by ``submitted_on``; None when it must be checked first."""
        if self.needs_check:
            return None
        return self.sent < deadline(Period.parse(self.period))


@dataclass(frozen=True)
class LeftOut:
    """A file of the period that the checker refuses: named in the report, never counted."""

    rel: str
    period: str
    unit_id: str | None
    """The unit the file names, when it names a unit of the registry."""
    problem: str
    """Its first error, with line and field (Vietnamese)."""
    errors: int

    @property
    def message(self) -> str:
        more = f" (và {self.errors - 1} lỗi khác)" if self.errors > 1 else ""
        return f"{self.problem}{more}; sửa rồi kiểm tra bằng \"{hints.validate(self.rel)}\""


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
    left_out: list[LeftOut]

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
    left_out: list[LeftOut]
    """Files with an error: in no count, listed by name."""
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
        return [item for row in self.rows for item in row.items]


@dataclass
class UnitYear:
    unit: Unit
    months: dict[int, str]
    """Month → "on-time", "late", "check" (only files to check), "flawed" (only files with an
    error), "none" or "not-due"."""
    tally: Tally
    left_out: list[LeftOut]

    @property
    def on_time_months(self) -> int:
        return sum(1 for status in self.months.values() if status == "on-time")


@dataclass
class YearReport:
    year: int
    today: dt.date
    rows: list[UnitYear]
    total: Tally
    left_out: list[LeftOut]
    """Files with an error: in no count, listed by name."""
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
                found.extend((path, folder_name, period) for path in markdown_files(folder, recursive=False))
    return found


def gather(repo: Repo, periods: set[str], history: History,
           today: dt.date | None = None) -> tuple[list[Submission], list[LeftOut]]:
    """Check every nomination of ``periods`` as ``validate`` does; a file with an error is left out.

    The report and ``validate`` give one verdict per file: the same checks, the slug rule across
    both state folders included (two copies of one story would otherwise count twice).
    """
    ctx = CheckContext.for_repo(repo, today)
    files = _files_for(repo, periods)
    results = check_files([path for path, _, _ in files], ctx, keep=True)
    items: list[Submission] = []
    left_out: list[LeftOut] = []
    for (path, folder, period), result in zip(files, results, strict=True):
        nomination = result.nomination
        errors = [p for p in result.problems if p.is_error]
        if nomination is None or errors:
            unit = nomination.unit_id if nomination is not None else None
            left_out.append(LeftOut(
                result.rel, period, unit if unit in ctx.units else None,
                errors[0].described if errors else "không đọc được tệp", max(len(errors), 1),
            ))
            continue
        review = nomination.review
        item = Submission(
            rel=result.rel, slug=path.stem, period=period, unit_id=nomination.unit_id,
            state=_state(folder, review), forwarded=review.get("forward") is True,
            declared=nomination.submitted_on,
        )
        if not history.available:
            item.fallback = history.reason
        else:
            added = history.first_added(result.rel)
            if added is None:
                item.fallback = "tệp chưa được lưu vào hệ thống"
            elif added.unreliable:
                item.fallback = added.unreliable
            else:
                item.added = added
        items.append(item)
    return items, left_out


def month_report(repo: Repo, units: UnitRegistry, year: int, month: int,
                 today: dt.date | None = None, history: History | None = None) -> MonthReport:
    history = history if history is not None else read_history(repo)
    today = today or clock.today()
    items, left_out = gather(repo, {str(Period(year, month))}, history, today)
    rows = []
    total = Tally()
    for unit in units.sorted():
        mine = sorted((i for i in items if i.unit_id == unit.id), key=lambda i: (i.sent, i.slug))
        tally = Tally()
        for item in mine:
            tally.add(item)
        total.merge(tally)
        rows.append(UnitMonth(unit, mine, tally, [f for f in left_out if f.unit_id == unit.id]))
    return MonthReport(year, month, today, rows, total, left_out, history)


def _month_status(counted: list[Submission], flawed: list[LeftOut], period: Period, today: dt.date) -> str:
    if any(item.on_time for item in counted):
        return "on-time"
    if any(item.on_time is False for item in counted):
        return "late"
    if counted:
        return "check"
    if flawed:
        return "flawed"
    return "not-due" if today < deadline(period) else "none"


def year_report(repo: Repo, units: UnitRegistry, year: int,
                today: dt.date | None = None, history: History | None = None) -> YearReport:
    history = history if history is not None else read_history(repo)
    today = today or clock.today()
    periods = {str(period) for period in Period.months_of(year)}
    items, left_out = gather(repo, periods, history, today)
    rows = []
    total = Tally()
    for unit in units.sorted():
        mine = [item for item in items if item.unit_id == unit.id]
        flawed = [f for f in left_out if f.unit_id == unit.id]
        tally = Tally()
        months = {}
        for period in Period.months_of(year):
            of_month = [item for item in mine if item.period == str(period)]
            for item in of_month:
                tally.add(item)
            months[period.month] = _month_status(
                of_month, [f for f in flawed if f.period == str(period)], period, today
            )
        total.merge(tally)
        rows.append(UnitYear(unit, months, tally, flawed))
    to_check = sorted((item for item in items if item.needs_check), key=lambda i: (i.period, i.rel))
    return YearReport(year, today, rows, total, left_out, history, to_check)
