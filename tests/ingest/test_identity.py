"""Content hash and near-duplicates (MinHash signatures, LSH index)."""
from __future__ import annotations

import pytest

from rasad.ingest import RawInput, to_document
from rasad.ingest.identity import (
    NearDuplicateIndex,
    content_hash,
    lsh_params,
    mark_near_duplicate,
    shingles,
    similarity,
    text_signature,
)

from .conftest import ARTICLES, article_text


def _syndicated(key: str) -> str:
    """Another site's copy: new headline, its own dateline, a footer of site furniture."""
    a = ARTICLES[key]
    return "\n".join(["تطورات ميدانية جديدة في جنوب العاصمة السورية", "دمشق - وكالات", *a["body"],
                      "شارك على فيسبوك", "اقرأ أيضاً", "قصف جديد على أطراف المدينة", "جميع الحقوق محفوظة لشبكة الأخبار"])


def test_long_copy_with_unknown_footer_sentence_found(settings):
    """A footer the cleaner cannot know (a promo sentence) still leaves the copy a near-duplicate."""
    body = ARTICLES["yarmouk"]["body"] + ARTICLES["tadamon"]["body"]
    original = "\n".join([ARTICLES["yarmouk"]["title"], *body])
    copy = "\n".join(["النظام يصعّد جنوب دمشق والتنظيم يرد بهجمات على التضامن", *body,
                      "تابعوا آخر الأخبار الميدانية على موقعنا وعلى قناتنا في تلغرام وفيسبوك"])
    index = NearDuplicateIndex(settings)
    index.add("orig", text_signature(original, settings))
    hit = index.query(text_signature(copy, settings))
    assert hit is not None and hit[0] == "orig"


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("قتل ثلاثة مدنيين", "قتل ثلاثة مدنيين", True),
        ("قتل ثلاثة مدنيين", "  قتل\tثلاثة \n مدنيين ", True),
        ("قتل ثلاثة مدنيين", "قتل أربعة مدنيين", False),
        ("قتل ثلاثة مدنيين", "قتل ثلاثة مدنيين.", False),
    ],
)
def test_content_hash(a, b, same):
    assert (content_hash(a) == content_hash(b)) is same
    assert len(content_hash(a)) == 64


def test_signature_is_compact_and_stable(settings):
    sig = text_signature(article_text("mosul"), settings)
    assert isinstance(sig, bytes) and len(sig) == 4 * settings.minhash_perm
    assert text_signature(article_text("mosul"), settings) == sig


def test_syndicated_copy_found_different_story_not(settings):
    index = NearDuplicateIndex(settings)
    docs = {}
    for key in ("yarmouk", "qadam", "mosul", "tadamon"):
        docs[key] = to_document(RawInput(id=key, source=key, data=article_text(key)), settings)
        index.add(key, text_signature(docs[key].text, settings))
    for key in ("yarmouk", "qadam", "mosul", "tadamon"):
        copy = to_document(RawInput(id=f"copy-{key}", source="c", data=_syndicated(key)), settings)
        hit = index.query(text_signature(copy.text, settings))
        assert hit is not None and hit[0] == key and hit[1] >= settings.near_duplicate_threshold
    # different stories about the same places are not duplicates
    for a in docs:
        for b in docs:
            if a != b:
                assert similarity(text_signature(docs[a].text), text_signature(docs[b].text)) < 0.3


def test_unrelated_story_not_matched(settings):
    index = NearDuplicateIndex(settings)
    index.add("mosul", text_signature(article_text("mosul"), settings))
    assert index.query(text_signature(article_text("tadamon"), settings)) is None


def test_mark_near_duplicate_and_rebuild_from_signatures(settings):
    index = NearDuplicateIndex(settings)
    first = to_document(RawInput(id="a", source="a", data=article_text("qadam")), settings)
    copy = to_document(RawInput(id="b", source="b", data=_syndicated("qadam")), settings)
    first, sig_a = mark_near_duplicate(first, index, settings)
    copy, sig_b = mark_near_duplicate(copy, index, settings)
    assert first.duplicate_of is None
    assert copy.duplicate_of == "a" and copy.similarity >= 0.7
    # the store keeps only signatures: a rebuilt index answers the same
    rebuilt = NearDuplicateIndex(settings)
    rebuilt.add("a", sig_a)
    assert rebuilt.query(sig_b)[0] == "a"
    assert len(rebuilt) == 1 and "a" in rebuilt


def test_wrong_signature_size_rejected(settings):
    index = NearDuplicateIndex(settings)
    with pytest.raises(ValueError):
        index.add("x", b"\x00" * 12)


def test_empty_text_signature(settings):
    text_signature(article_text("mosul"), settings)  # a signature before must leave no trace
    assert text_signature("", settings) == b"\xff" * (4 * settings.minhash_perm)


@pytest.mark.parametrize("num_perm, threshold, expected", [(64, 0.7, (16, 4)), (128, 0.7, (25, 5)), (64, 0.9, (8, 8))])
def test_lsh_params_favour_recall(num_perm, threshold, expected):
    bands, rows = lsh_params(num_perm, threshold)
    assert (bands, rows) == expected
    assert 1 - (1 - threshold ** rows) ** bands >= 0.98


def test_pairs_just_above_threshold_are_found(settings):
    """Copies sharing 75-85% of their shingles with the original: LSH banding must not drop them."""
    import random

    words = [f"كلمة{i}" for i in range(400)]
    original = set(shingles(" ".join(words)))
    index = NearDuplicateIndex(settings)
    index.add("orig", text_signature(" ".join(words), settings))
    tried = found = 0
    for seed in range(60):
        rng = random.Random(seed)
        copy = list(words)
        for i in rng.sample(range(len(copy)), rng.randint(10, 18)):
            copy[i] = f"بديل{seed}x{i}"
        other = set(shingles(" ".join(copy)))
        if not 0.75 <= len(original & other) / len(original | other) <= 0.85:
            continue
        tried += 1
        hit = index.query(text_signature(" ".join(copy), settings))
        found += hit is not None and hit[0] == "orig"
    assert tried >= 30 and found >= 0.9 * tried
