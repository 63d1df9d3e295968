"""Issue events as GitHub sends them, built from the committed form."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT, make_repo

DATA = Path(__file__).parent / "data"
PHOTO_ID = "5b2c1e0a-7d1f-4c1b-9a55-0c1f6a8e4d21"
FORM = ROOT / ".github" / "ISSUE_TEMPLATE" / "gioi-thieu.yml"


def rendered(answers: dict[str, str | list[str] | None]) -> str:
    """The body GitHub renders from a submitted form: every element, in order, by its label."""
    parts = []
    for element in yaml.safe_load(FORM.read_text(encoding="utf-8"))["body"]:
        if "id" not in element:
            continue
        value = answers.get(element["id"])
        if element["type"] == "checkboxes":
            ticked = value or []
            value = "\n".join(f"- [{'X' if o['label'] in ticked else ' '}] {o['label']}"
                              for o in element["attributes"]["options"])
        parts.append(f"### {element['attributes']['label']}\n\n{value or '_No response_'}")
    return "\n\n".join(parts)


def event(tmp: Path, body: str, created_at: str = "2026-11-14T16:30:00Z", action: str = "opened",
          updated_at: str | None = None) -> Path:
    path = tmp / "event.json"
    issue = {"number": 42, "title": "Giới thiệu", "body": body.replace("\n", "\r\n"),
             "created_at": created_at, "updated_at": updated_at or created_at,
             "labels": [{"name": "gioi-thieu"}]}
    path.write_text(json.dumps({"action": action, "issue": issue}, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def intake_repo(tmp_path: Path) -> Path:
    repo = make_repo(tmp_path / "repo", with_content=False)
    shutil.copytree(ROOT / ".github", repo / ".github")
    return repo


@pytest.fixture
def attachments(tmp_path: Path) -> Path:
    """What GitHub holds for the issue's drag-and-dropped files, by their address's last part."""
    folder = tmp_path / "attachments"
    folder.mkdir()
    shutil.copyfile(ROOT / "content/images/2026-08/hien-mau-tinh-nguyen.jpg", folder / PHOTO_ID)
    return folder
