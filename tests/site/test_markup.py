"""The search words: folded forms of the words with đ."""

from __future__ import annotations

from scripts.site.story import folded_words


def test_folded_words_fold_d_bar_and_tones():
    words = folded_words(["Ông Nguyễn Văn Đức", "Tổ dân phố Đông Hải đã làm được"]).split()
    assert {"duc", "dong", "da", "duoc"} <= set(words)
    assert "nguyen" not in words, "only words with đ are needed: Pagefind folds the rest itself"
    assert len(words) == len(set(words))


def test_an_unexpected_error_in_a_story_becomes_a_problem_that_stops_the_build(monkeypatch, repo):
    from pelican.settings import DEFAULT_CONFIG

    from scripts.site import reader as reader_module

    def broken(*args, **kwargs):
        raise KeyError("role")

    monkeypatch.setenv("DIEN_HINH_TODAY", "2026-11-27")
    monkeypatch.setattr(reader_module, "build_story", broken)
    settings = {**DEFAULT_CONFIG, "PATH": str(repo / "content"), "MARKDOWN": {}}
    reader = reader_module.NominationReader(settings)
    path = next((repo / "content" / "published").rglob("*.md"))
    prepared = reader.prepare(path)
    assert prepared.story is None
    [problem] = prepared.result.problems
    assert problem.is_error and problem.code == "site.unexpected" and "KeyError" in problem.message
