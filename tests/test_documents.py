"""Loading articles: metadata, sentences, dates, and errors that say what to do."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from anhui_kg.documents import load_articles, split_sentences
from anhui_kg.errors import DocumentError

ROOT = Path(__file__).resolve().parents[1]


def test_seeds_load_with_manifest_metadata():
    arts = load_articles(ROOT / "seeds")
    assert [a.id for a in arts] == sorted(p.name for p in (ROOT / "seeds").glob("0*.txt"))
    first = arts[0]
    assert first.publisher == "eletric-vehicles.com"
    assert first.published.value == "2026-01" and first.published.origin == "metadata"


def test_seed_text_is_byte_for_byte(tmp_path):
    for a in load_articles(ROOT / "seeds"):
        assert (ROOT / "seeds" / a.id).read_bytes() == a.text.encode("utf-8")


def test_coarse_metadata_date_sharpened_by_text_estimate():
    # 004 says "2019" in the manifest; its newest figures are full-year 2018
    art = next(a for a in load_articles(ROOT / "seeds") if a.id.startswith("004"))
    assert art.published.value == "2019-early"
    assert art.published.origin == "estimated"


def test_article_without_metadata_gets_dateline_date(tmp_path):
    (tmp_path / "wire.txt").write_text("HEFEI, March 27, 2021 — Alpha Motors signed a deal with Beta.")
    (a,) = load_articles(tmp_path)
    assert a.published.value == "2021-03-27" and a.published.origin == "stated"


def test_sentences_have_exact_offsets():
    text = "On Jan. 6, NIO signed. JAC Co., Ltd. agreed to it.\nHeading line\nLast one!"
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text
    assert [s.text for s in split_sentences(text)][:2] == ["On Jan. 6, NIO signed.", "JAC Co., Ltd. agreed to it."]


def test_non_utf8_file_is_named_with_a_fix(tmp_path):
    (tmp_path / "gbk.txt").write_bytes("奇瑞汽车签署协议".encode("gbk"))
    with pytest.raises(DocumentError, match=r"gbk.txt is not UTF-8 text.*Re-save it as UTF-8"):
        load_articles(tmp_path)


def test_missing_path_is_reported(tmp_path):
    with pytest.raises(DocumentError, match="does not exist"):
        load_articles([tmp_path / "nope"])


def test_bad_manifest_says_which_line(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "manifest.json").write_text('{"a.txt": {"published": "2024-13"}}')
    with pytest.raises(DocumentError, match=r"manifest.json: a.txt: published"):
        load_articles(tmp_path)
    (tmp_path / "manifest.json").write_text('{"a.txt": {\n "published": }')
    with pytest.raises(DocumentError, match=r"line 2"):
        load_articles(tmp_path)


def test_unknown_manifest_field_lists_allowed(tmp_path):
    (tmp_path / "a.txt").write_text("Text.")
    (tmp_path / "manifest.json").write_text(json.dumps({"a.txt": {"author": "x"}}))
    with pytest.raises(DocumentError, match="allowed: publisher, url, published, title, note"):
        load_articles(tmp_path)
