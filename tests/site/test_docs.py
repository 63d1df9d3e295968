"""The site's documentation names only make targets and settings that exist."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def documented_targets() -> set[str]:
    docs = (ROOT / "docs" / "trang-chuyen-muc.md").read_text("utf-8")
    readme = (ROOT / "README.md").read_text("utf-8")
    section = readme.split("## Trang chuyên mục và triển khai")[1].split("\n## ")[0]
    return set(re.findall(r"\bmake ([a-z][a-z-]*)", docs + section))


def test_documented_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text("utf-8")
    targets = set(re.findall(r"^([a-z][a-z-]*):", makefile, re.M))
    documented = documented_targets()
    assert {"html", "serve", "publish", "github", "bench-site"} <= documented
    assert documented <= targets, documented - targets


def test_documented_settings_exist():
    docs = (ROOT / "docs" / "trang-chuyen-muc.md").read_text("utf-8")
    named = set(re.findall(r"`([A-Z][A-Z_]{3,})`", docs))
    assert {"WARD_NAME", "UPPER_LEVEL_NAME", "COUNCIL_NAME", "COLUMN_NAME", "SITEURL", "CNAME"} <= named
    settings = "".join((ROOT / name).read_text("utf-8") for name in ("pelicanconf.py", "publishconf.py"))
    defined = set(re.findall(r"^([A-Z][A-Z_]+) =", settings, re.M))
    # Repository variables and secrets are settings too: the deploy workflow must read each one named.
    deploy = (ROOT / ".github" / "workflows" / "deploy.yml").read_text("utf-8")
    defined |= set(re.findall(r"\$\{\{ (?:vars|secrets)\.([A-Z][A-Z_]+) \}\}", deploy))
    assert {"PUBLIC_SITE_REPO", "PUBLIC_SITE_DEPLOY_KEY"} <= named
    assert named <= defined, named - defined
