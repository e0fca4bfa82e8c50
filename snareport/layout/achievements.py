"""AchievementsSection → the achievements infographic: knife-enabled falls, admissions before → after,
offence types that fell and the savings."""
from __future__ import annotations

from reportlab.platypus import Flowable

from snareport import formatting as fmt
from snareport.layout._content import content
from snareport.layout._periods import reason_note, span, unavailable_note
from snareport.layout.door import Door, Segment, Tile
from snareport.models.report import Report

KEY = "achievements"
NEW_PAGE = True


def title(report: Report) -> str:
    return "Achievements"


def included(report: Report) -> bool:
    return True


def build(report: Report, door: Door) -> list[Flowable]:
    a = report.achievements
    out: list[Flowable] = []
    c = content(report)
    if c is not None:
        out += door.markdown(c.section_intros.achievements, "lead")
    if not a.available:
        return out + [door.note(unavailable_note(a))]
    yoy = span(a, 0, 1)
    if a.knife_enabled:
        out.append(door.h2("Knife-enabled serious violence"))
        out.append(door.tiles([
            Tile(headline_change(k.change),
                 f"change in knife-enabled serious violence involving {k.label}",
                 f"{fmt.change_words(k.change)}: {fmt.change_counts(k.change)} offences, {yoy}")
            for k in a.knife_enabled]))
    out.append(door.h2("Hospital admissions for assault with a knife or sharp object"))
    if a.admissions_available and a.admissions:
        out.append(door.tiles([
            Tile(fmt.change_counts(x.change, dp=2),
                 f"average admissions a month, {x.label}",
                 f"{fmt.change_words(x.change)}, {span(a, 2, 3)}")
            for x in a.admissions]))
        if a.admissions_scope == "county" and report.metadata.district:
            out.append(door.note("Admissions are shown for the whole area: the source has no district."))
    else:
        out.append(door.note(reason_note(a.admissions_reason)))
    out.append(door.h2("Savings from falling serious violence"))
    if a.savings_available and a.savings:
        tiles = [Tile(fmt.money(s.saving_gbp, suppressed=s.suppressed), f"saved in cases of {s.offence_group.lower()}",
                      f"{fmt.count(s.fall, suppressed=s.suppressed)} fewer offences ({fmt.change_counts(s)})") for s in a.savings if s.saving_gbp]
        out.append(door.tiles(tiles))
        total = fmt.money(a.savings_total_gbp, suppressed=any(x.suppressed for x in a.savings))
        out.append(door.rich([
            "Across all offence groups that fell from ", span(a, 4, 1) or "one period to the next",
            ", the saving to the criminal justice system and police was ", Segment(total, bold=True),
            f" at {a.price_year} prices" if a.price_year else "", "."]))
        if a.cost_source:
            out.append(door.note(f"Unit costs: {a.cost_source}."))
    else:
        out.append(door.note(reason_note(a.savings_reason)))
    if c is not None and c.achievements:
        out.append(door.h2("Recognised practice"))
        for item in c.achievements:
            out.append(door.boxed([door.para(item.headline, "h3"), *door.markdown(item.text)]))
    if a.fallen_types:
        out.append(door.h2(f"Offence types that fell, {yoy}"))
        rows = [[f.label, fmt.count(f.change.previous, suppressed=f.change.suppressed), fmt.count(f.change.current, suppressed=f.change.suppressed), fmt.change_pct(f.change)]
                for f in a.fallen_types]
        out += door.table(["Offence type", label_or(a, 0, "Previous"), label_or(a, 1, "Current"), "Change"], rows,
                          widths=[0.55, 0.15, 0.15, 0.15])
    for note in a.notes:
        out.append(door.note(note))
    return out


def label_or(section, index: int, fallback: str) -> str:
    from snareport.layout._periods import label

    return label(section, index) or fallback


def headline_change(change) -> str:
    """The tile's big figure: the % change, or the two counts when the change is undefined."""
    if change.change_pct is not None or change.suppressed:
        return fmt.change_pct(change)
    return fmt.change_counts(change)
