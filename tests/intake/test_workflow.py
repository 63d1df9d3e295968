"""intake.yml: valid for GitHub, pinned, least privilege, and no issue text pasted into a script."""

from __future__ import annotations

import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

import yaml

from scripts.cli import build_parser
from tests.conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "intake.yml"
DATA = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
STEPS = [step for job in DATA["jobs"].values() for step in job["steps"]]


def test_githubs_workflow_schema_accepts_it():
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
         str(WORKFLOW)], capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_zizmor_finds_nothing_of_medium_or_above():
    done = subprocess.run(
        [str(Path(sys.executable).parent / "zizmor"), "--offline", "--no-progress", "--min-severity",
         "medium", "--format", "json", str(WORKFLOW)], capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert json.loads(done.stdout) == []


def test_no_expression_reaches_a_shell():
    for step in STEPS:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_actions_are_pinned_and_permissions_are_the_jobs_own():
    for step in STEPS:
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    assert DATA["permissions"] == {}
    assert DATA[True] == {"issues": {"types": ["opened", "edited"]}}  # YAML 1.1 reads "on" as true
    checkout = next(s for s in STEPS if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False


def test_the_intake_command_it_runs_parses():
    parser = build_parser()
    lines = [line for step in STEPS for line in step.get("run", "").splitlines()
             if line.startswith("python -m scripts ")]
    assert lines
    for line in lines:
        parser.parse_args(shlex.split(re.sub(r"\$\w+", "X", line))[3:])
