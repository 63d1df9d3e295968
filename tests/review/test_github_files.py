"""The repository rules as files: workflows valid for GitHub, calling commands that exist."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys

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
    assert [p.name for p in WORKFLOWS] == ["check.yml", "deploy.yml", "intake.yml"]


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


def test_the_pull_request_check_validates_checks_approvals_builds_and_uploads():
    run = commands("check.yml")
    assert "python -m scripts validate --format github" in run
    assert 'python -m scripts check-approvals --base "origin/$BASE_REF" --format github' in run
    assert "python -m pelican content -o output -s pelicanconf.py" in run
    assert "python -m pagefind --site output --quiet" in run
    checkout = next(s for s in steps("check.yml") if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    upload = next(s for s in steps("check.yml") if s.get("uses", "").startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "output/"
    assert not any("${{" in line for line in run), "expressions go through env, not into scripts"


def test_deploy_builds_with_publishconf_and_publishes_with_ghp_import():
    run = "\n".join(commands("deploy.yml"))
    assert "python -m scripts validate content/published --format github" in run
    assert "python -m pelican content -o output -s publishconf.py" in run
    assert "python -m pagefind --site output --quiet" in run
    assert "ghp-import --no-jekyll --push --force --branch gh-pages" in run
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]  # YAML 1.1 reads the key "on" as True


def test_codeowners_gives_published_stories_and_the_schema_to_the_council():
    owners = {}
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            pattern, *teams = line.split()
            owners[pattern] = teams
    assert owners["/content/published/"] == [COUNCIL]
    assert owners["/schema/"] == [COUNCIL]


def test_the_pull_request_template_names_the_commands():
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for command in ("python -m scripts validate", "python -m scripts approve", "python -m scripts return"):
        assert command in text
