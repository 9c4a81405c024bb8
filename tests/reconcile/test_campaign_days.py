"""Dating an undated report by the campaign day it counts against a dated report of the same campaign."""
from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select

from rasad import pipeline
from rasad.extract import extract
from rasad.model import Document
from rasad.settings import Settings
from rasad.store import Store
from rasad.store.schema import inferred_dates

DATED = {"id": "dated", "published": "2018-05-08", "outlet": "المدن",
         "text": "تتواصل المعارك في حي التضامن جنوبي دمشق لليوم العشرين على التوالي بين قوات النظام وتنظيم "
                 "الدولة، وسط قصف جوي مكثف على مخيم اليرموك."}
UNDATED = {"id": "undated",
           "text": "دخلت المعارك جنوبي دمشق يومها الثالث والعشرين على التوالي، وسط تقدم بطيء لقوات النظام في "
                   "الحجر الأسود وقصف مدفعي على أطراف المخيم."}


@pytest.mark.parametrize("text, day", [
    ("تستمر المعارك جنوبي دمشق لليوم العشرين على التوالي.", 20),
    ("وفي اليوم الخامس من الحملة العسكرية على حي جوبر، تقدمت القوات.", 5),
    ("دخلت المعارك في الرقة يومها الثالث والعشرين على التوالي.", 23),
    ("قال إنه سيعود في اليوم الثالث من الشهر المقبل إلى دمشق.", None),  # a date, not a campaign day
])
def test_campaign_days_are_extracted(text, day):
    days = extract(Document(id="x", text=text)).campaign_days
    assert [d.ordinal for d in days] == ([day] if day else [])
    for d in days:
        assert d.place_id and text[d.start:d.end]


@pytest.mark.parametrize("order", [("dated", "undated"), ("undated", "dated")])
def test_undated_report_is_dated_by_its_campaign_day(store_url, tmp_path, order):
    rows = {"dated": DATED, "undated": UNDATED}
    s = Settings(db=store_url)
    with Store.open(store_url) as store:
        for name in order:  # two runs: the second must update the inference incrementally
            f = tmp_path / f"{name}.jsonl"
            f.write_text(json.dumps(rows[name], ensure_ascii=False) + "\n", encoding="utf-8")
            pipeline.ingest([str(f)], store, s)
        with store.engine.connect() as conn:
            found = conn.execute(select(inferred_dates.c.doc_id, inferred_dates.c.date,
                                        inferred_dates.c.evidence)).all()
        assert store.document("undated").published is None  # a given date is never written over
    assert [(d, when) for d, when, _ in found] == [("undated", date(2018, 5, 11))]
    assert found[0][2][0]["by"] == "campaign_day"
