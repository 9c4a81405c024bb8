"""Synthetic Arabic conflict articles for benchmarks (deterministic, original text).

`article(i)` builds a ~600-word report from sentence templates written for
rasad, with varied places, actors, numbers and dates; `html_page(i)` wraps it
in a realistic 50–100 KB news page (navigation, sidebars, scripts, comments,
footer). Nothing here comes from any real article.
"""
from __future__ import annotations

import random
from datetime import date, timedelta

PLACES = ["مخيم اليرموك", "حي التضامن", "الحجر الأسود", "حي القدم", "بلدة يلدا", "بلدة ببيلا", "مدينة دوما",
          "بلدة عربين", "حي جوبر", "مدينة حرستا", "بلدة زملكا", "مدينة الرقة", "حي المشلب", "مدينة الميادين",
          "بلدة هجين", "مدينة خان شيخون", "مدينة معرة النعمان", "بلدة كفرنبودة", "مدينة عفرين", "مدينة منبج",
          "حي الزنجيلي", "المدينة القديمة في الموصل", "قضاء تلعفر", "مدينة الحويجة"]
ACTORS = ["قوات النظام", "تنظيم الدولة", "هيئة تحرير الشام", "قوات سوريا الديمقراطية", "الجيش الوطني السوري",
          "فصائل المعارضة", "الميليشيات الإيرانية", "قوات الدفاع الوطني", "القوات العراقية", "الحشد الشعبي",
          "جيش الإسلام", "فيلق الرحمن", "الجيش التركي", "وحدات حماية الشعب"]
SOURCES = ["المرصد السوري لحقوق الإنسان", "مصادر محلية", "ناشطون", "وكالة أعماق", "وكالة سانا",
           "مصدر عسكري", "شبكة إخبارية محلية", "مراسل الموقع", "مصادر ميدانية", "الدفاع المدني"]
DAYS = ["السبت", "الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة"]
PARTS = ["فجر", "صباح", "ظهر", "مساء", "ليل"]
NUMBERS = ["ثلاثة", "خمسة", "سبعة", "عشرة", "أحد عشر", "خمسة عشر", "عشرين", "العشرات من", "قرابة 40",
           "أكثر من 60", "نحو 120", "ما لا يقل عن 25", "12", "٣٤", "مئات"]
TEMPLATES = [
    "شهدت {place} {part} {day} اشتباكات عنيفة بين {a1} و{a2}، استخدمت فيها الأسلحة الثقيلة والمتوسطة على عدة محاور.",
    "وقال {source} إن {n} عنصراً من {a2} قتلوا خلال المواجهات، فيما أصيب آخرون بجروح متفاوتة نقلوا على إثرها إلى المشافي الميدانية.",
    "وأكد {source} أن {a1} تمكنت من السيطرة على عدد من الأبنية والنقاط في محيط {place} بعد هجوم معاكس.",
    "في المقابل، نفت مصادر مقربة من {a2} الأنباء التي تحدثت عن خسارة مواقعها، مؤكدة أن الاشتباكات ما زالت مستمرة.",
    "وتعرضت {place} لقصف مدفعي وصاروخي مكثف استهدف الأحياء السكنية، ما أدى إلى مقتل {n} مدنيين بينهم أطفال ونساء.",
    "ونفذ الطيران الحربي {n} غارة جوية على {place} خلال الساعات الماضية، بحسب ما أفاد به {source}.",
    "وترتفع بذلك حصيلة القتلى في صفوف {a2} خلال ثلاثة أسابيع من المعارك إلى {num} عنصراً، وفق {source}.",
    "وأشار {source} إلى نزوح {n} عائلة من {place} باتجاه البلدات المجاورة خوفاً من تجدد القصف.",
    "وكانت {a1} قد أعلنت في وقت سابق عن اتفاق يقضي بخروج المقاتلين وعائلاتهم بالحافلات نحو الشمال السوري.",
    "وتحدثت مصادر محلية عن حملة اعتقالات طالت {n} شاباً من أبناء {place} بتهمة التواصل مع {a2}.",
    "ولا يزال قرابة {num} مدني محاصرين في {place} وسط ظروف إنسانية صعبة ونقص حاد في المواد الطبية والغذائية.",
    "ويأتي ذلك في ظل تعزيزات عسكرية وصلت إلى محيط {place} تحسباً لهجوم جديد قد تشنه {a2} خلال الأيام المقبلة.",
    "وذكرت {source} أن {a1} فجرت عبوة ناسفة بعربة عسكرية على طريق {place}، ما أسفر عن مقتل وإصابة {n} عناصر.",
    "وأوضح المصدر أن المفاوضات بين الطرفين متوقفة منذ أكثر من شهر بسبب الخلاف على وجهة الخروج وشروطه.",
]
TITLES = ["اشتباكات عنيفة في {place} وخسائر في صفوف {a2}", "{a1} تتقدم في {place} بعد معارك استمرت أياماً",
          "قصف مكثف على {place} وسقوط ضحايا مدنيين", "حصيلة جديدة لقتلى {a2} في معارك {place}"]


def _fill(rng: random.Random, template: str) -> str:
    a1, a2 = rng.sample(ACTORS, 2)
    return template.format(place=rng.choice(PLACES), part=rng.choice(PARTS), day=rng.choice(DAYS), a1=a1, a2=a2,
                           source=rng.choice(SOURCES), n=rng.choice(NUMBERS), num=rng.randint(15, 2500))


_LEXICON: list[str] = []


def _lexicon() -> list[str]:
    """Words for varied filler sentences: every place and actor name rasad knows, split into words."""
    if not _LEXICON:
        from rasad.knowledge import load

        kb = load()
        words = {w for p in kb.gazetteer for n in (p.name, *p.aliases) for w in n.split()}
        words |= {w for a in kb.actors for n in (a.name, *a.aliases) for w in n.split()}
        _LEXICON.extend(sorted(w for w in words if len(w) > 2))
    return _LEXICON


def _varied(rng: random.Random) -> str:
    """A sentence of news connectives around words drawn from a large lexicon, so that two
    articles share few word 3-grams, as real articles do."""
    lex = _lexicon()
    parts = [rng.choice(("وقال", "وأضاف", "وأشار", "وذكر", "ولفت", "وأوضح")),
             rng.choice(SOURCES), "إن"]
    for _ in range(rng.randint(3, 5)):
        parts += [rng.choice(("في", "قرب", "بين", "على", "من", "حول", "باتجاه", "داخل")),
                  *rng.sample(lex, rng.randint(1, 3))]
    return " ".join(parts) + "."


def article(i: int, words: int = 600, variety: float = 0.0) -> tuple[str, str, date]:
    """(title, body, published) of synthetic article number i.

    `variety` is the share of sentences drawn from the lexicon rather than the
    templates (0 for extraction benchmarks, which need reportable sentences;
    about half for ingestion, whose near-duplicate search depends on how much
    articles share)."""
    rng = random.Random(i)
    title = _fill(rng, rng.choice(TITLES))
    paras: list[str] = []
    count = 0
    while count < words:
        para = " ".join(_varied(rng) if rng.random() < variety else _fill(rng, rng.choice(TEMPLATES))
                        for _ in range(rng.randint(2, 4)))
        paras.append(para)
        count += len(para.split())
    published = date(2017, 1, 1) + timedelta(days=rng.randint(0, 900))
    return title, "\n".join(paras), published


def text_file(i: int) -> str:
    title, body, published = article(i, variety=0.6)
    return f"{title}\n\n{published.isoformat()}\n\n{body}\n"


_NAV = "".join(f'<li><a href="/section/{k}">{name}</a></li>' for k, name in enumerate(
    ["الرئيسية", "سوريا", "العراق", "لبنان", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة", "رأي", "تحقيقات",
     "منوعات", "فيديو", "صور", "اتصل بنا"]))


def html_page(i: int, target_kb: int | None = None) -> str:
    """A news page of 50–100 KB around article i."""
    rng = random.Random(10_000 + i)
    title, body, published = article(i, variety=0.6)
    target = (target_kb or rng.randint(50, 100)) * 1024
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n"))
    sidebar = "".join(f'<li><a href="/news/{rng.randint(1, 99999)}">{_fill(rng, rng.choice(TITLES))}</a></li>'
                      for _ in range(12))
    comments = "".join(f'<div class="comment"><span class="author">زائر {k}</span><p>'
                       f"{_fill(rng, rng.choice(TEMPLATES))}</p></div>" for k in range(rng.randint(2, 6)))
    head = (f"<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\">"
            f"<title>{title} | موقع الأخبار</title>"
            f"<meta property=\"og:site_name\" content=\"موقع الأخبار\">"
            f"<meta property=\"article:published_time\" content=\"{published.isoformat()}T10:00:00+03:00\">"
            f"<link rel=\"stylesheet\" href=\"/static/site.css\"></head><body>")
    page = [head, f'<header><nav><ul class="menu">{_NAV}</ul></nav><form class="search"><input name="q" '
                  f'placeholder="بحث"><button>بحث</button></form></header>',
            f'<main><article><h1>{title}</h1><time datetime="{published.isoformat()}">{published.isoformat()}</time>'
            f'<div class="body">{paras}</div></article>',
            f'<aside><h3>الأكثر قراءة</h3><ul>{sidebar}</ul></aside>',
            f'<section class="comments"><h3>التعليقات</h3>{comments}<form><textarea></textarea>'
            f'<label>كود امني</label><input name="captcha"><button>أضف تعليق</button></form></section></main>',
            f'<footer><ul>{_NAV}</ul><p>جميع الحقوق محفوظة © 2018</p></footer>']
    filler = []
    size = sum(len(p.encode()) for p in page)
    k = 0
    while size < target:  # analytics and widget scripts pad real pages
        chunk = (f"<script>window.dataLayer=window.dataLayer||[];function w{k}(a,b){{var c=a*{k}+b;"
                 f"return c.toString(36)+'{'x' * 40}';}}dataLayer.push({{'event':'view','id':{k}}});</script>\n")
        filler.append(chunk)
        size += len(chunk.encode())
        k += 1
    return "".join(page[:-1]) + "".join(filler) + page[-1] + "</body></html>"
