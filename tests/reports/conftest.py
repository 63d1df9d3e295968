"""A real temporary column repository whose commits carry chosen dates, for reports and bulletins."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, make_repo, run_cli

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-27"


class ColumnRepo:
    """A column repository under git: place nominations from tests/reports/data, commit on a date."""

    def __init__(self, root: Path, git: bool = True) -> None:
        self.root = make_repo(root, with_content=False)
        shutil.copy(ROOT / "pelicanconf.py", self.root / "pelicanconf.py")
        if git:
            self.git("init", "-q", "-b", "main")
            self.commit("2026-01-02T08:00:00+07:00", "Set up the column")

    def git(self, *args: str, when: str | None = None, authored: str | None = None) -> str:
        env = {
            **os.environ,
            "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": "Văn phòng", "GIT_AUTHOR_EMAIL": "vanphong@example.vn",
            "GIT_COMMITTER_NAME": "Văn phòng", "GIT_COMMITTER_EMAIL": "vanphong@example.vn",
        }
        if when:
            env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
        if authored:
            env["GIT_AUTHOR_DATE"] = authored
        done = subprocess.run(["git", *args], cwd=self.root, env=env, capture_output=True, text=True,
                              check=True)
        return done.stdout

    def place(self, name: str, period: str = "2026-11", state: str = "nominations",
              submitted_on: str | None = None, slug: str | None = None) -> Path:
        """Copy data/<name>.md into content/<state>/<period>/, with its period (and date) rewritten."""
        text = (DATA / f"{name}.md").read_text(encoding="utf-8")
        text = re.sub(r"(?m)^period: .*$", f"period: {period}", text, count=1)
        if submitted_on:
            text = re.sub(r"(?m)^submitted_on: .*$", f"submitted_on: {submitted_on}", text, count=1)
        target = self.root / "content" / state / period / f"{slug or name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        return target

    def commit(self, when: str, message: str, authored: str | None = None) -> str:
        """Commit everything at ``when`` (author date ``authored`` when given); the new commit."""
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, when=when, authored=authored)
        return self.git("rev-parse", "HEAD").strip()

    def rev(self, name: str) -> str:
        return self.git("rev-parse", name).strip()

    def approve(self, path: Path, on: str, forward: bool = False) -> Path:
        """What the approve command does: git mv into published/ and stamp the review block."""
        target = Path(str(path).replace("/nominations/", "/published/"))
        target.parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", str(path.relative_to(self.root)), str(target.relative_to(self.root)))
        text = target.read_text(encoding="utf-8")
        stamp = (
            f"review:\n  decision: approved\n  by: Nguyễn Văn Thẩm\n  \"on\": {on}\n"
            f"  ref: Biên bản số 05/BB-HĐTĐKT\n" + ("  forward: true\n" if forward else "")
        )
        head, _, body = text.partition("\n---\n")
        target.write_text(f"{head}\n{stamp}---\n{body}", encoding="utf-8")
        return target

    def cli(self, *args: str, **env: str):
        return run_cli(*args, cwd=self.root, env={"DIEN_HINH_TODAY": TODAY, **env})


@pytest.fixture
def column(tmp_path: Path) -> ColumnRepo:
    return ColumnRepo(tmp_path / "repo")


@pytest.fixture(scope="module")
def november(tmp_path_factory) -> ColumnRepo:
    """November 2026: on time, late, a git/submitted_on disagreement, an approval, a return, a time zone
    edge, an uncommitted file; every other unit sent nothing."""
    repo = ColumnRepo(tmp_path_factory.mktemp("november") / "repo")
    approved = repo.place("duoc-thong-qua")
    repo.commit("2026-11-05T09:00:00+07:00", "Hội CCB gửi phiếu")
    repo.place("dung-han")
    repo.commit("2026-11-10T16:00:00+07:00", "TDP Phú Thịnh gửi phiếu")
    repo.place("tra-lai")
    repo.commit("2026-11-12T10:00:00+07:00", "Công an gửi phiếu (đã trả lại)")
    # 14 November 20:00 in New York is 15 November 08:00 in the ward: late.
    repo.place("mui-gio")
    repo.commit("2026-11-14T20:00:00-05:00", "Trạm Y tế gửi phiếu")
    repo.place("muon-han")
    repo.commit("2026-11-16T08:30:00+07:00", "Hội Phụ nữ gửi phiếu")
    repo.place("lech-ngay")  # submitted_on says 13 November
    repo.commit("2026-11-17T09:00:00+07:00", "Đoàn Thanh niên gửi phiếu")
    repo.approve(approved, "2026-11-20", forward=True)
    repo.commit("2026-11-20T15:00:00+07:00", "Thông qua phiếu của Hội CCB")
    # Sent by hand to the office and saved, but not committed yet.
    repo.place("dung-han", slug="hoi-nong-dan-chua-commit", submitted_on="2026-11-11")
    text = (repo.root / "content/nominations/2026-11/hoi-nong-dan-chua-commit.md").read_text(encoding="utf-8")
    (repo.root / "content/nominations/2026-11/hoi-nong-dan-chua-commit.md").write_text(
        text.replace("submitted_by: tdp-phu-thinh", "submitted_by: hoi-nong-dan"), encoding="utf-8")
    return repo
