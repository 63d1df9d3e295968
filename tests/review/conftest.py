"""Real temporary git repositories built from the crafted sets under tests/review/data/."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from scripts.nomination.council import Council
from tests.conftest import ROOT, CliResult, run_cli

DATA = Path(__file__).parent / "data"
TODAY = "2026-11-27"
"""The day the tests are run on, as the ward's clock sees it (DIEN_HINH_TODAY)."""


KEYS: dict[str, Path] = {}
"""Each member of the sample registry's private signing key, made by ssh-keygen for this run."""
SIGNER = "Lê Văn Bình"
"""The member whose key the test repositories sign with unless a test passes --key."""


@pytest.fixture(scope="session", autouse=True)
def council_keys(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("keys")
    for index, member in enumerate(Council.load(ROOT).members):
        KEYS[member.name] = make_key(folder / f"member-{index}")
    return KEYS


def make_key(path: Path) -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", path.name, "-f", str(path)],
                   check=True, capture_output=True)
    return path


def public(key: Path) -> str:
    return " ".join(key.with_name(key.name + ".pub").read_text().split()[:2])


def use_test_keys(registry: Path, keys: dict[str, Path] | None = None) -> None:
    """Give every member of ``registry`` the key this run made for them (the sample registry's
    keys have no private half anywhere)."""
    data = yaml.safe_load(registry.read_text(encoding="utf-8"))
    for member in data["members"]:
        member["keys"] = [public((keys or KEYS)[member["name"]])]
        for when in ("from", "to"):
            if when in member:
                member[when] = str(member[when])
    registry.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=True)
    return done.stdout


def init_git(root: Path) -> Path:
    """A repository whose first commit (unsigned: history before signing) holds ``root``; the
    registry gets this run's keys and git signs with SIGNER's unless told otherwise."""
    for registry in root.glob("**/schema/council.yaml"):
        use_test_keys(registry)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.name", "Thư ký Hội đồng")
    git(root, "config", "user.email", "thuky@example.invalid")
    git(root, "config", "core.autocrlf", "false")
    git(root, "config", "gpg.format", "ssh")
    git(root, "config", "user.signingkey", str(KEYS[SIGNER]))
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Nội dung ban đầu")
    return root


def build(target: Path, data: str, with_git: bool = True) -> Path:
    """A column repository in ``target``: the project's schema plus the crafted ``data`` set."""
    shutil.copytree(ROOT / "schema", target / "schema")
    shutil.copytree(DATA / data / "content", target / "content")
    shutil.copy(ROOT / "pelicanconf.py", target / "pelicanconf.py")  # the ward's names
    for folder in ("nominations", "published"):
        (target / "content" / folder).mkdir(exist_ok=True)
    return init_git(target) if with_git else target


def revise(root: Path, rel: str, addition: str = "Đơn vị đã bổ sung theo ý kiến của Hội đồng.") -> None:
    """The unit revises a returned nomination (keeping the council's stamp) and commits it."""
    path = root / "content" / "nominations" / rel
    path.write_text(path.read_text(encoding="utf-8") + f"\n{addition}\n", encoding="utf-8")
    git(root, "commit", "-q", "-am", "Đơn vị bổ sung phiếu")


def snapshot(root: Path) -> dict[str, bytes]:
    """Every file under content/ with its bytes: "nothing changed" means equal snapshots."""
    content = root / "content"
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def cli(root: Path, *args: str, today: str = TODAY) -> CliResult:
    return run_cli("--root", str(root), *args, cwd=root, env={"DIEN_HINH_TODAY": today})


@pytest.fixture
def basic(tmp_path: Path) -> Path:
    return build(tmp_path / "repo", "basic")
