"""Generated input for the loader, the checker and the renderer: never a traceback, never past a
deadline, the same verdict twice (Hypothesis)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from scripts.common.repo import Repo
from scripts.nomination import visible
from scripts.nomination.body import _may_matter, findings, parsed_findings
from scripts.nomination.checker import CheckContext, check_file
from scripts.nomination.frontmatter import FrontMatterError, parse
from scripts.publishing.render import render
from tests.conftest import make_repo

MARKUP = "[]()<>*_`!|{}#>-+=:&;\\\n \t.\"'/%"
bodies = st.text(alphabet=st.sampled_from(MARKUP) | st.characters(exclude_categories=["Cs"]), max_size=3000)
"""Text as the decoder gives it: never a lone surrogate (files are strict UTF-8)."""
markdownish = st.text(alphabet=MARKUP + "ađ1", max_size=3000)
scalars = st.one_of(
    st.text(st.characters(exclude_categories=["Cs"]), max_size=60),
    st.integers(), st.floats(allow_nan=True), st.booleans(), st.none(),
    st.sampled_from(["!!bool maybe", "!!int x", "!!binary @@", "9" * 5000, "!!float ..", "&a x", "*a",
                     "!!python/object:os.system x", "<<: {}", "? [a]", "{a: [b", "\x0c", "\ufffe"]),
)
yaml_values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                           | st.dictionaries(st.text(max_size=10), inner, max_size=4), max_leaves=20)
SETTINGS = settings(max_examples=150, deadline=dt.timedelta(seconds=2),
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@SETTINGS
@given(markdownish | bodies)
def test_renderer_and_body_rules_never_fail_and_agree_with_themselves(body):
    first = render(body)
    assert render(body) == first
    assert "<script" not in first and "<img" not in first and "{static}" not in first.split(">", 1)[0]
    assert findings(body) == findings(body)


@SETTINGS
@given(st.text(alphabet=st.sampled_from(" \t>-*+1.)\na"), max_size=600) | markdownish)
def test_the_fast_path_skips_only_bodies_the_parser_finds_nothing_in(body):
    if not _may_matter(body):
        assert parsed_findings(body) == []


def _front(value) -> str:
    try:
        dumped = yaml.safe_dump({"title": value}, allow_unicode=True)
    except yaml.YAMLError:
        dumped = "title: x\n"
    return f"---\n{dumped}---\nthân bài\n"


@SETTINGS
@given(st.one_of(yaml_values.map(_front), st.text(max_size=400).map(lambda t: f"---\n{t}\n---\nx\n"),
                 st.text(alphabet=st.sampled_from(MARKUP + "abc!&*?"), max_size=400).map(
                     lambda t: f"---\na: {t}\n---\nx\n")))
def test_the_front_matter_parser_gives_a_value_or_a_located_error(text):
    try:
        parse(text)
    except FrontMatterError as err:
        assert err.line >= 1 and err.message


_REPO: list[Path] = []


def _repo(tmp_path_factory) -> Path:
    if not _REPO:
        _REPO.append(make_repo(tmp_path_factory.mktemp("props") / "repo", with_content=False))
    return _REPO[0]


@SETTINGS
@given(raw=st.binary(max_size=2000) | st.text(max_size=2000).map(lambda t: ("---\n" + t).encode()))
def test_the_checker_gives_the_same_problems_twice_for_any_bytes(tmp_path_factory, raw):
    root = _repo(tmp_path_factory)
    ctx = CheckContext.for_repo(Repo.at(root), today=dt.date(2026, 11, 27))
    path = root / "content" / "nominations" / "2026-11" / "bat-ky.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    first = check_file(path, ctx).problems
    assert first == check_file(path, ctx).problems
    assert all(problem.line >= 1 and problem.message for problem in first)


def test_the_fast_plain_check_misses_no_character_the_visible_checks_speak_of():
    """``visible.all_plain`` trusts ``str.isprintable`` plus a six-character list: walk all of
    Unicode so that a character the slow checks would report can never pass the fast one."""
    import sys

    from scripts.nomination import visible

    missed = [
        hex(code) for code in range(sys.maxunicode + 1)
        if code != 0x0A and visible._NOTHING_TO_SAY.match(chr(code)) and visible.all_plain([chr(code)])
    ]
    assert missed == []
    assert visible.all_plain(["Bà Nguyễn Thị Lan", "dòng một\ndòng hai"])


@SETTINGS
@example(front="impact: |\n" + " " * 60_000 + "a\n", body="")
@given(st.text(alphabet=st.sampled_from(" \t-:#\"“”\n\u00a0\u200bab"), max_size=3000), bodies)
def test_fix_repairs_in_time_and_leaves_nothing_to_repair(front, body):
    """--fix's rewrite of the front matter and body: a line of spaces in a block scalar made its
    curly-quote pattern try every split of them (60,000 spaces: 18 s)."""
    fixed_front, fixed_body = visible.repair(front, body)
    assert not visible.has_harmless(fixed_front + fixed_body)
    assert visible.repair(fixed_front, fixed_body) == (fixed_front, fixed_body)


@SETTINGS
@example(text="![" * 60_000)
@example(text="![](" + "a" * 120_000)
@given(st.text(alphabet=st.sampled_from("![]()<> a\\\n"), max_size=3000))
def test_the_image_patterns_take_linear_time(text):
    """The checker's look-alike image pattern (escaped "!\\[" reach it as text) and intake's image
    answer pattern (a stranger's issue body) scanned from every "![" to the end: quadratic."""
    from scripts.intake.answers import _IMAGE_MD
    from scripts.nomination.body import _IMAGE_LOOKALIKE

    for pattern in (_IMAGE_LOOKALIKE, _IMAGE_MD):
        assert pattern.search(text) is None or "![" in text
def _spelled(char: str) -> st.SearchStrategy[str]:
    """One character of an address as a writer could hide it from a naive check."""
    code = ord(char)
    return st.sampled_from([char, char.upper(), f"&#{code};", f"&#{code:07d};", f"&#x{code:09X};",
                            f"%{code:02X}", char + "\t", char + "&Tab;", "&NewLine;" + char])


def _hidden(word: str) -> st.SearchStrategy[str]:
    return st.tuples(*(_spelled(char) for char in word)).map("".join)


LINK_FORMS = ["[a]({})", "[a](<{}>)", "đoạn văn\n[b]: {}\n\nxem [a][b]", "[a]({}// x)", "[a]: {}\n\n[a]",
              "[a]({} \"t\")", "![a]({})", "<{}>", "[a](  {})"]


@SETTINGS
@given(form=st.sampled_from(LINK_FORMS),
       address=st.tuples(_hidden("javascript:") | _hidden("vbscript:") | _hidden("data:text/html"),
                         st.sampled_from(["alert(1)", ",x", "/x"])).map("".join))
def test_a_body_the_checker_accepts_gives_no_live_address_to_any_renderer(form, address):
    """Neither the site's renderer nor Python-Markdown (what may render the forward bundle's Markdown
    next) turns an accepted body into an address that runs code, however the scheme is spelled."""
    import html
    import re

    import markdown

    from scripts.publishing.render import browser_view

    body = form.format(address)
    if findings(body):
        return
    for rendered in (render(body), markdown.markdown(body.replace("<", "&lt;"), extensions=["extra"])):
        for value in re.findall(r'(?:href|src)="([^"]*)"', rendered):
            assert not re.match(r"(?:java|vb)script:|data:", browser_view(html.unescape(value)), re.I), \
                (body, rendered)


ATTRIBUTE_FORMS = ["Đoạn văn.\n{}", "[a](https://a.vn){}", "## Tiêu đề {}", "```{}\nx\n```", "- mục\n{}",
                   "Đoạn {} văn."]
attribute_lists = st.tuples(
    st.sampled_from(["{", "{:", "{: "]), st.sampled_from(["", ".a ", "#b "]),
    st.sampled_from(["onclick", "onmouseover", "style"]), st.sampled_from(["=", " = "]),
    st.sampled_from(["alert(1)", "\"alert(1)\"", "'x:y'"]), st.sampled_from(["}", " }"]),
).map("".join)


@SETTINGS
@given(form=st.sampled_from(ATTRIBUTE_FORMS), attributes=attribute_lists)
def test_a_body_the_checker_accepts_gives_no_attribute_to_python_markdown(form, attributes):
    """Python-Markdown's "extra" reads "{: onclick=…}" as attributes of the element before it."""
    import re

    import markdown

    body = form.format(attributes)
    if findings(body):
        return
    rendered = markdown.markdown(body.replace("<", "&lt;"), extensions=["extra"])
    assert not re.search(r"<[^>]*\s(?:on\w+|style)=", rendered), (body, rendered)
