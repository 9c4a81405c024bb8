"""Campaign days: "لليوم العشرين على التوالي", "في يومها الخامس عشر".

A report that counts the days of a campaign dates itself against any other
report that counts the same campaign's days: reconciliation uses them to infer
publication dates (rasad.reconcile.dates).
"""
from __future__ import annotations

from ..model import CampaignDay
from .context import Context

COARSE_LAST = ("region", "governorate", "country")


DAY_WORDS = ("يوم", "يومها", "يومه", "اليوم", "لليوم")
CAMPAIGN_WORDS = ("التوالي", "الحمله", "المعارك", "المعركه", "الهجوم", "العمليه", "القصف", "الحصار", "الاشتباكات")


def campaign_days(ctx: Context) -> tuple[CampaignDay, ...]:
    """Ordinal day counts ("لليوم العشرين", "يومها الثالث والعشرين", "اليوم الخامس من الحملة") that
    count a campaign: "على التوالي" or a campaign word within a few words."""
    out: list[CampaignDay] = []
    for si in ctx.sentences:
        for q in si.quantities:
            if q.kind != "ordinal" or q.noun_start is None:
                continue
            noun = ctx.norm_of(q.noun_start, q.noun_end).lstrip("وف")
            if noun not in DAY_WORDS:
                continue
            around = [w.strip("،,.:;\"'()") for w in ctx.norm_of(q.end, min(si.end, q.end + 40)).split()[:4]]
            if not any(w.lstrip("وبل") in CAMPAIGN_WORDS or w in CAMPAIGN_WORDS for w in around):
                continue
            # where the campaign is: the sentence's area if it names one, else its first place
            places = sorted(si.places, key=lambda p: (p.place.level not in COARSE_LAST, p.start))
            p = places[0].place if places else None
            start, end = min(q.start, q.noun_start), max(q.end, q.noun_end)
            out.append(CampaignDay(q.value, start, end, p.id if p else None, p.name if p else None,
                                   p.lat if p else None, p.lon if p else None))
    return tuple(out)
