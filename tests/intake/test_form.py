"""The committed issue form is the one the schema makes, and GitHub's schema accepts it."""

from __future__ import annotations

import subprocess
import sys

import yaml

from scripts.intake.questions import QUESTIONS
from scripts.nomination.schema import NominationSchema
from tests.conftest import ROOT, run_cli
from tests.intake.conftest import FORM


def test_committed_form_is_the_generated_one():
    result = run_cli("form", "--check", cwd=ROOT)
    assert result.code == 0, result.err


def test_form_changes_with_the_schema(intake_repo):
    schema = intake_repo / "schema" / "nomination.schema.json"
    schema.write_text(schema.read_text(encoding="utf-8").replace("Tóm tắt thành tích", "Tóm tắt"),
                      encoding="utf-8")
    stale = run_cli("form", "--check", cwd=intake_repo)
    assert stale.code == 1 and "make form" in stale.err
    assert run_cli("form", cwd=intake_repo).code == 0
    assert "label: Tóm tắt\n" in (intake_repo / ".github/ISSUE_TEMPLATE/gioi-thieu.yml").read_text("utf-8")


def test_github_issue_forms_schema_accepts_them():
    forms = sorted(FORM.parent.glob("*.yml"))
    assert [p.name for p in forms] == ["gioi-thieu-word.yml", "gioi-thieu.yml"]
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-issue-forms",
         *map(str, forms)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_form_asks_every_required_field_with_the_schemas_words():
    form = yaml.safe_load(FORM.read_text(encoding="utf-8"))
    schema = NominationSchema.load(ROOT / "schema" / "nomination.schema.json")
    elements = {e["id"]: e for e in form["body"] if "id" in e}
    labels = [e["attributes"]["label"] for e in elements.values()]
    assert len(labels) == len(set(labels)), "labels must be unique: the intake finds answers by them"
    asked = {q.path for q in QUESTIONS}
    for key in schema.raw["required"]:
        if key != "submitted_on":  # the server's clock says it, never the sender
            assert (key,) in asked or any(p[0] == key for p in asked), key
    assert elements["category"]["attributes"]["options"] == [
        "Người tốt, việc tốt", "Điển hình tiên tiến", "Cách làm hay, sáng tạo"]
    assert "Hội Liên hiệp Phụ nữ phường" in elements["submitted-by"]["attributes"]["options"]
    assert elements["summary"]["attributes"]["label"] == schema.label(("summary",))
    note = form["body"][0]["attributes"]["value"]
    assert "Không bao giờ công khai:** " in note and "Số điện thoại" in note.split("Không bao giờ")[1]
