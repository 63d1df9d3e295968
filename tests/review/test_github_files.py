"""The repository rules as files: workflows valid for GitHub, calling commands that exist."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from scripts.cli import build_parser
from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
COUNCIL = "@phuong-ninh-ha/hoi-dong-thi-dua-khen-thuong"


def steps(name: str) -> list[dict]:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def commands(name: str) -> list[str]:
    return [line.strip() for step in steps(name) for line in step.get("run", "").splitlines()]


def test_both_workflows_exist():
    assert [p.name for p in WORKFLOWS] == ["check.yml", "council.yml", "deploy.yml", "intake.yml"]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflows_follow_githubs_schema(path):
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", str(path)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_every_pipeline_command_in_a_workflow_parses(name):
    """A renamed command or option breaks the test, not the council's next pull request."""
    parser = build_parser()
    found = [line for line in commands(name) if line.startswith("python -m scripts ")]
    assert found
    for line in found:
        args = shlex.split(re.sub(r"\$\w+", "X", line))[3:]
        parser.parse_args(args)  # exits with code 2 on an unknown command or option


def test_the_pull_request_check_runs_the_base_branchs_code_on_the_pull_requests_content():
    content = [s for s in steps("check.yml") if "cong-cu" in str(s) or "noi-dung" in str(s)]
    tools, pulled = (s for s in content if s.get("uses", "").startswith("actions/checkout"))
    assert tools["with"] == {"ref": "${{ github.event.pull_request.base.sha }}", "path": "cong-cu",
                             "persist-credentials": False}
    assert pulled["with"]["path"] == "noi-dung" and pulled["with"]["fetch-depth"] == 0
    runs = [s for s in content if "run" in s]
    pipeline = [line for s in runs for line in s["run"].splitlines() if "python -m scripts" in line]
    assert pipeline == [
        "python -m scripts --root ../noi-dung validate --format github",
        'python -m scripts --root ../noi-dung check-send-dates --event "$GITHUB_EVENT_PATH" --format github',
        'python -m scripts --root ../noi-dung check-approvals --base "origin/$BASE_REF" --format github',
    ]
    assert all(s.get("working-directory") == "cong-cu" for s in runs if "python -m scripts" in s["run"]
               or "pelican" in s["run"]), "python -m scripts and Pelican's settings come from cong-cu/"
    assert "python -m pip install -r cong-cu/requirements.txt" in commands("check.yml")
    assert "python -m pelican ../noi-dung/content -o ../output -s pelicanconf.py" in commands("check.yml")
    upload = next(s for s in steps("check.yml") if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "output/"
    assert not any("${{" in line for line in commands("check.yml")), "expressions go through env"


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_every_action_is_pinned_by_commit_with_its_version(name):
    text = (ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8")
    uses = re.findall(r"uses: (\S+)(.*)", text)
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", comment), f"{action}: version comment"


@pytest.mark.parametrize("name", ["check.yml", "deploy.yml"])
def test_no_checkout_keeps_the_token(name):
    checkouts = [s for s in steps(name) if s.get("uses", "").startswith("actions/checkout@")]
    assert checkouts and all(s["with"]["persist-credentials"] is False for s in checkouts)


def test_zizmor_finds_nothing_of_medium_or_above():
    done = subprocess.run(
        [str(Path(sys.executable).parent / "zizmor"), "--offline", "--no-progress", "--min-severity",
         "medium", "--format", "json", str(ROOT / ".github")],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_deploy_pushes_output_to_the_public_repository_with_a_deploy_key():
    run = "\n".join(commands("deploy.yml"))
    assert "python -m scripts validate content/published --format github" in run
    assert 'python -m scripts audit --rev HEAD --start "$AUDIT_START" --format github' in run
    assert run.index("python -m scripts audit") < run.index("ghp-import"), "audit gates publishing"
    checkout = next(s for s in steps("deploy.yml") if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0
    assert "python -m pelican content -o output -s publishconf.py" in run
    assert "python -m pagefind --site output --quiet" in run
    assert 'git remote add cong-khai "git@github.com:${PUBLIC_REPO}.git"' in run
    assert "ghp-import --no-jekyll --push --force --remote cong-khai --branch gh-pages" in run
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as True
    assert workflow["permissions"] == {"contents": "read"}, "nothing is pushed to this private repository"
    publish = next(s for s in steps("deploy.yml") if "ghp-import" in s.get("run", ""))
    assert publish["env"] == {"PUBLIC_REPO": "${{ vars.PUBLIC_SITE_REPO }}",
                              "DEPLOY_KEY": "${{ secrets.PUBLIC_SITE_DEPLOY_KEY }}"}


def _owners(path: str) -> list[str]:
    """The owners GitHub gives ``path``: the last matching line of CODEOWNERS wins."""
    found: list[str] = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            folder = pattern.endswith("/") and f"/{path}".startswith(pattern)
            if pattern in ("*", f"/{path}") or folder:
                found = teams
    return found


@pytest.mark.parametrize("path", [
    "scripts/site/reader.py", "theme/templates/base.html", "content/pages/gioi-thieu.md",
    "content/images/2026-11/anh.jpg", "content/published/2026-11/bai.md", "pelicanconf.py",
    "publishconf.py", "requirements.txt", "requirements-dev.txt", "Makefile", "schema/units.yaml",
    ".github/workflows/check.yml", ".github/CODEOWNERS", "README.md", ".pre-commit-config.yaml",
])
def test_codeowners_gives_the_council_what_changes_the_site(path):
    assert _owners(path) == [COUNCIL]


def test_pending_nominations_may_also_be_reviewed_by_the_office():
    assert _owners("content/nominations/2026-11/phieu.md") == ["@phuong-ninh-ha/van-phong", COUNCIL]


def test_the_pull_request_template_names_the_commands():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for command in ("python -m scripts validate", "python -m scripts approve", "python -m scripts return"):
        assert command in text
