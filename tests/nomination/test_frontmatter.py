"""The strict front-matter reader: values as PyYAML's safe loader reads them, lines kept."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from scripts.nomination.frontmatter import FrontMatterError, parse

SCALARS = ["1", "'1'", "yes", "No", "~", "", "null", "1.5", ".inf", "-.5e3", "0x1F", "0o17", "017",
           "1_000", "true", "'true'", '"x"', "12:30", "+12", ".NaN", "Y", "n", "[1, b, 'c', null]",
           "{b: 1, c: [2]}", "Nguyễn Văn Đức", "'on'"]


@pytest.mark.parametrize("value", SCALARS)
def test_values_resolve_as_the_safe_loader_does(value: str):
    ours = parse(f"---\na: {value}\n---\n").data["a"]
    theirs = yaml.load(f"a: {value}", Loader=yaml.SafeLoader)["a"]
    assert repr(ours) == repr(theirs)


def test_dates_stay_text_for_the_schema_to_check():
    assert yaml.load("a: 2026-11-27", Loader=yaml.SafeLoader)["a"] == dt.date(2026, 11, 27)
    assert parse("---\na: 2026-11-27\nb: 2026-02-30\n---\n").data == {"a": "2026-11-27", "b": "2026-02-30"}


def test_keys_are_text_even_on():
    """A bare `on:` is the boolean true to YAML 1.1 tools; as a key here it stays the word."""
    assert parse("---\non: 2026-11-02\n---\n").data == {"on": "2026-11-02"}


def test_lines_of_keys_and_items():
    front = parse("---\ntitle: x\nnominee:\n  name: A\nlist:\n  - a\n  - b: 1\n---\nbody\n")
    assert front.lines[("nominee", "name")] == 4
    assert front.lines[("list", 1)] == 7
    assert (front.end_line, front.body_line, front.body) == (8, 9, "body\n")


@pytest.mark.parametrize(("text", "line", "fragment"), [
    ("---\na: 1\nb: 2\na: 3\n---\n", 4, "được viết hai lần (lần đầu ở dòng 2)"),
    ("---\na: &x [1]\nb: *x\n---\n", 3, "không dùng neo"),
    ("---\na: !!python/object:os.system x\n---\n", 2, "thẻ kiểu"),
    ("---\na: !!python/object/apply:os.system [x]\n---\n", 2, "thẻ kiểu"),
    ("---\n<<: {a: 1}\n---\n", 2, "khóa gộp"),
])
def test_unsafe_or_ambiguous_yaml_is_refused(text: str, line: int, fragment: str):
    with pytest.raises(FrontMatterError) as caught:
        parse(text)
    assert caught.value.line == line
    assert fragment in caught.value.message
