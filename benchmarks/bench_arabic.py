"""Benchmark the Arabic language layer on synthetic 600-word news articles.

Builds deterministic articles from sentence templates written for rasad
(no text from any real article), varying places, actors, numbers in three
digit scripts, dates, quotes, diacritics and tatweel. Runs on one core:
normalize, tokenize, sentences and, where importable,
rasad.arabic.quantities.quantities and rasad.arabic.times.times. Prints
articles/s per component and for the whole layer; exits 1 if the whole layer
is slower than "arabic_articles_per_s" in benchmarks/baseline.json.

The whole layer is timed two ways: "total" is `rasad.arabic.analyse` (one
normalisation shared by quantities and times, as the pipeline should call
it; it is what the floor applies to), "separate" the five functions called
one by one on the raw text (each folding the text again).

Timing is CPU time (time.process_time), and other work on the machine still
slows it (shared caches and cores): the articles are timed in chunks of
--chunk, each chunk the best of --repeat runs, after one warm-up pass, so a
burst of load elsewhere spoils one run of one chunk rather than the whole
figure. The layer's caches are warm, as in a long run over news, where the
same words come back. Whether the layer's per-piece loops run in C
(rasad.arabic._speedups, built when rasad is installed with a C compiler)
is printed first.

    python benchmarks/bench_arabic.py [--articles 300] [--repeat 5] [--chunk 30]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Callable

from rasad.arabic.normalize import normalize
from rasad.arabic.sentences import sentences
from rasad.arabic.tokens import tokenize

BASELINE = Path(__file__).with_name("baseline.json")

PLACES = ["مخيم اليرموك", "حي التضامن", "الحجر الأسود", "حي القدم", "بلدة يلدا", "بلدة ببيلا", "بلدة بيت سحم",
          "حي العسالي", "حي المادنية", "مدينة دوما", "حي جوبر", "مدينة الرقة", "مدينة الميادين", "بلدة هجين",
          "مدينة الموصل", "قضاء تلعفر", "ناحية الحويجة", "مدينة عفرين", "منطقة الزين", "شارع الثلاثين"]
ACTORS = ["قوات النظام", "تنظيم «داعش»", "تنظيم “الدولة الإسلامية”", "هيئة تحرير الشام", "فصائل المعارضة",
          "ميليشيا الدفاع الوطني", "قوات سوريا الديمقراطية", "القوات العراقية", "الحشد الشعبي", "جيش الإسلام",
          "لواء شام الرسول", "الفرقة الرابعة", "الجيش التركي", "وحدات حماية الشعب"]
SOURCES = ["مصدر ميداني", "ناشطون محليون", "مراسل الموقع", "مصادر أهلية", "الدفاع المدني", "مصدر طبي",
           "قيادي في المعارضة", "وكالة «سانا»", "شبكة إخبارية محلية", "د. سامر، وهو طبيب في المنطقة،"]
DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
          "مايو", "يونيو"]
PARTS = ["فجر", "صباح", "ظهر", "عصر", "مساء", "ليل"]
COUNTS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "أحد عشر", "عشرين", "العشرات من", "قرابة 40", "أكثر من ٦٠",
          "نحو 120", "ما لا يقل عن 25", "١٢", "۳۴", "مئات", "1,500", "١٬٢٠٠", "2.5 ألف"]

TEMPLATES = [
    "اندلعت {part} يوم {day} مواجهات عنيفة بين {a1} و{a2} على أطراف {place}، استُخدمت خلالها قذائف الهاون والرشاشات الثقيلة.",
    "وأفاد {source} لـ”الموقع” بأن {n} عنصراً من {a2} لقوا حتفهم في المعارك، بينما نُقل جرحى آخرون إلى نقاط طبية قريبة.",
    "وقال {source} إن {a1} سيطرت على كتلة من الأبنية في محيط {place} إثر هجوم شنته من ثلاثة محاور.",
    "بالمقابل، نفت حسابات مقربة من {a2} خسارة مواقعها، وقالت إن عناصرها ما زالوا يتحصنون في الأنفاق.",
    "وسقط {n} مدنياً بين قتيل وجريح جراء قصف صاروخي طال الأحياء السكنية في {place} يوم {date}.",
    "ونفّذت الطائرات الحربية {n} غارة على {place} خلال الساعات الـ24 الماضية، وفقاً لـ{source}.",
    "وبذلك ترتفع حصيلة قتلى {a2} منذ مطلع {month} إلى {num} قتيلاً على الأقل، بحسب إحصائية خاصة.",
    "ونزحت {n} عائلة من {place} نحو البلدات المجاورة؛ خشية تجدّد القصف وانقطاع الطرق.",
    "وكان {a1} قد أعلن في {date} التوصل إلى اتفاق يقضي بخروج المقاتلين وعائلاتهم إلى الشمال.",
    "كما شنت {a1} حملة دهم واعتقال طالت {n} شاباً من أبناء {place}، بتهمة التعامل مع {a2}.",
    "ولا يزال نحو {num} مدني عالقين داخل {place}، في ظل نقص حاد بالأدوية والمواد الغذائية.",
    "ووصلت تعزيزات عسكرية إلى محيط {place} تضم دبابات وعربات مدرعة، تحسباً لهجوم مضاد.",
    "وانفجرت عبوة ناسفة بسيارة عسكرية على طريق {place}، ما أسفر عن مقتل {n} عناصر وإصابة آخرين.",
    "وأوضح المصدر أن المفاوضات متعثرة منذ {month} الماضي بسبب الخلاف على وجهة الخروج.",
    "وبثّت {a2} تسجيلاً مصوّراً قالت إنه يُظهر استهداف آليات لـ{a1} عند مدخل {place}.",
    "وأشارت الإحصائيات إلى أن نسبة الدمار في {place} تجاوزت ٧٠٪، وأن قرابة {num} منزل خرجت عن الخدمة.",
    "في حين تقدّر مصادر أخرى أعداد المقاتلين المتبقين بين 200 و300 مقاتل، معظمهم من أبناء المنطقة.",
    "وقالت أم محمد، وهي من سكان {place}: «لم نعد نعرف إلى أين نذهب… كل شيء تهدّم».",
    "هل تنجح الوساطة هذه المرة؟ يتساءل الأهالي بعد أسابيع من القصف المتواصل.",
    "وتراجعت {a2} إلى خطوط دفاعها الخلفية في {place} بعد خسارتها {n} نقطة خلال الأسبوع الأخير.",
    "وذكر {source} أن قذيفتين سقطتا قرب مدرسة في {place} صباح {day} الموافق {date}، دون وقوع إصابات.",
    "ويُعدّ {place} من أكثر المناطق تضرراً منذ بدء الحملة العسكرية في {month} من العام الحالي.",
]


def _date(rng: random.Random) -> str:
    d = date(2017, 1, 1) + timedelta(days=rng.randrange(700))
    style = rng.randrange(3)
    if style == 0:
        return f"{d.day} {MONTHS[d.month % len(MONTHS)]} {d.year}"
    if style == 1:
        return f"{d.day}/{d.month}/{d.year}"
    return "".join("٠١٢٣٤٥٦٧٨٩"[int(c)] if c.isdigit() else c for c in f"{d.day}-{d.month}-{d.year}")


def article(i: int, words: int = 600) -> tuple[str, date]:
    """(text, published) of synthetic article i: a title line then paragraphs."""
    rng = random.Random(1000 + i)
    a1, a2 = rng.sample(ACTORS, 2)
    published = date(2017, 6, 1) + timedelta(days=rng.randrange(500))
    title = f"{a1} تتقدم في {rng.choice(PLACES)} وسقوط {rng.choice(COUNTS)} قتيلاً"
    parts, n, para = [title, "\n"], len(title.split()), 0
    while n < words:
        s = rng.choice(TEMPLATES).format(
            a1=a1, a2=a2, place=rng.choice(PLACES), source=rng.choice(SOURCES), day=rng.choice(DAYS),
            part=rng.choice(PARTS), n=rng.choice(COUNTS), num=rng.randrange(20, 2500), month=rng.choice(MONTHS),
            date=_date(rng))
        parts.append(s)
        n += len(s.split())
        para += 1
        parts.append("\n" if para % 4 == 0 else " ")
    return "".join(parts).strip(), published


def _components() -> dict[str, Callable[[str, date], object]]:
    """The layer's functions, each as f(text, published); others' modules where importable."""
    comps: dict[str, Callable[[str, date], object]] = {
        "normalize": lambda t, p: normalize(t),
        "tokenize": lambda t, p: tokenize(t),
        "sentences": lambda t, p: sentences(t),
    }
    try:
        from rasad.arabic.quantities import quantities
        comps["quantities"] = lambda t, p: quantities(t)
    except ImportError as e:  # another engineer's module may not exist yet
        print(f"(quantities not importable: {e})", file=sys.stderr)
    try:
        from rasad.arabic.times import times
        comps["times"] = lambda t, p: times(t, p)
    except ImportError as e:
        print(f"(times not importable: {e})", file=sys.stderr)
    return comps


def _layer(comps: dict[str, Callable[[str, date], object]]) -> Callable[[str, date], object]:
    """Everything the layer does to one article, as the pipeline would call it."""
    steps = list(comps.values())

    def run(t: str, p: date) -> None:
        for f in steps:
            f(t, p)
    return run


def _rate(fn: Callable[[str, date], object], docs: list[tuple[str, date]], repeat: int, chunk: int) -> float:
    """Articles per second: after one warm-up pass, each chunk of `chunk`
    articles timed `repeat` times, its best time counted."""
    for t, p in docs:
        fn(t, p)
    total = 0.0
    for c in range(0, len(docs), chunk):
        part = docs[c:c + chunk]
        best = float("inf")
        for _ in range(repeat):
            t0 = time.process_time()
            for t, p in part:
                fn(t, p)
            best = min(best, time.process_time() - t0)
        total += best
    return len(docs) / total


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--chunk", type=int, default=30)
    args = ap.parse_args(argv)
    import platform

    import rasad.arabic

    print(f"Python {platform.python_version()} ({sys.executable})")
    print("per-piece loops in C (rasad.arabic._speedups):", "yes" if rasad.arabic.SPEEDUPS else
          "no -- not built; reinstall rasad with a C compiler (pip install -e .)")
    docs = [article(i) for i in range(args.articles)]
    t0 = time.process_time()
    sum(range(10**6))
    print(f"machine reference: sum(range(10**6)) takes {1000 * (time.process_time() - t0):.1f} ms "
          "(on the README's VM ~8 ms with an optimised CPython 3.11 build, ~16 ms with an unoptimised one)")
    avg_words = sum(len(t.split()) for t, _ in docs) / len(docs)
    print(f"{len(docs)} articles, {avg_words:.0f} words each on average")
    comps = _components()
    rates = {name: _rate(fn, docs, args.repeat, args.chunk) for name, fn in comps.items()}
    for name, r in rates.items():
        print(f"  {name:<11} {r:9.0f} articles/s  {1000 / r:6.3f} ms/article")
    core = sum(1 / rates[k] for k in ("normalize", "tokenize", "sentences"))
    print(f"  {'core':<11} {1 / core:9.0f} articles/s  {1000 * core:6.3f} ms/article  (normalize+tokenize+sentences)")
    separate = _rate(_layer(comps), docs, args.repeat, args.chunk)
    print(f"  {'separate':<11} {separate:9.0f} articles/s  {1000 / separate:6.3f} ms/article  "
          f"({' + '.join(comps)}, called one by one)")
    try:
        from rasad.arabic import analyse
    except ImportError as e:
        print(f"(analyse not importable: {e}); total is the separate calls", file=sys.stderr)
        total = separate
    else:
        total = _rate(lambda t, p: analyse(t, p), docs, args.repeat, args.chunk)
        print(f"  {'total':<11} {total:9.0f} articles/s  {1000 / total:6.3f} ms/article  "
              "(analyse: the same five, one shared normalisation)")
    floor = json.loads(BASELINE.read_text())["arabic_articles_per_s"] if BASELINE.exists() else 0
    if total < floor:
        print(f"FAIL: {total:.0f} articles/s is below the floor of {floor} (benchmarks/baseline.json)")
        return 1
    print(f"ok: floor {floor} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
