"""council.yml: the base branch's tools and registry, the key never beside the pull request's code."""

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

WORKFLOW = ROOT / ".github" / "workflows" / "council.yml"
DATA = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
STEPS = [step for job in DATA["jobs"].values() for step in job["steps"]]


def test_githubs_schema_and_zizmor_accept_it():
    schema = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                             "vendor.github-workflows", str(WORKFLOW)], capture_output=True, text=True)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    audit = subprocess.run([str(Path(sys.executable).parent / "zizmor"), "--offline", "--no-progress",
                            "--min-severity", "medium", "--format", "json", str(WORKFLOW)],
                           capture_output=True, text=True)
    assert audit.returncode == 0 and json.loads(audit.stdout) == [], audit.stdout + audit.stderr


def test_no_expression_reaches_a_shell_and_actions_are_pinned():
    for step in STEPS:
        assert "${{" not in step.get("run", ""), step.get("name")
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    assert DATA["permissions"] == {}


def test_tools_and_registry_come_from_the_base_branch():
    checkouts = [s for s in STEPS if s.get("uses", "").startswith("actions/checkout@")]
    tools, content = checkouts
    assert "ref" not in tools["with"] and tools["with"]["path"] == "cong-cu"
    assert content["with"]["path"] == "noi-dung"
    assert all(s["with"]["persist-credentials"] is False for s in checkouts)
    decide = next(s for s in STEPS if s.get("id") == "decide")
    assert decide["working-directory"] == "cong-cu" and "--registry ." in decide["run"]
    assert "--root ../noi-dung" in decide["run"]


def test_the_command_it_runs_parses():
    parser = build_parser()
    run = next(s for s in STEPS if s.get("id") == "decide")["run"].replace("\\\n", " ")
    line = next(line for line in run.splitlines() if "python -m scripts" in line).strip()
    parser.parse_args(shlex.split(re.sub(r"\$\w+", "X", line))[3:])
