"""AchievementsSection → the achievements infographic: knife-enabled falls, admissions before → after,
offence types that fell and the estimated cost of crime avoided."""
from __future__ import annotations

from snareport import formatting as fmt
from snareport.layout._charts import source_line
from snareport.layout._content import content, intro, scope_note
from snareport.layout._periods import earlier, later, reason_note, span, unavailable_note
from snareport.layout.blocks import Block
from snareport.layout.builder import BlockBuilder, Segment, Tile
from snareport.models.report import Report


def build(report: Report, builder: BlockBuilder) -> list[Block]:
    a = report.achievements
    out: list[Block] = []
    c = content(report)
    if c is not None:
        out += intro(report, builder, c.section_intros.achievements, "section_intros.achievements", style="lead")
    if not a.available:
        return out + [builder.note(unavailable_note(a))]
    yoy = span(a.year_on_year)
    watch: list[Tile] = []          # rises and no-change: not achievements, printed under "To watch"
    withheld: list[str] = []        # withheld figures: left out, named in a note
    absent: dict[str, list[str]] = {"none": [], "not available": []}   # left out, named in a note
    m = report.metadata
    where = f" in {m.district}" if m.district else ""
    area_knife = {k.key: k.change for k in a.area_knife_enabled}
    if a.knife_enabled:
        falls = []
        for k in a.knife_enabled:
            what = f"knife-enabled serious violence involving {k.label}"
            tile = Tile(headline_change(k.change), f"change in {what}{where}, {yoy}",
                        f"{fmt.change_from_to(k.change)} offences{fmt.noise_clause(k.change)}"
                        + beside(m.area, area_knife.get(k.key)), icon="knife")
            _sort(k.change, tile, what, falls, watch, withheld, absent)
        if falls:
            out.append(builder.h2("Knife-enabled serious violence"))
            out.append(builder.tiles(falls))
    if a.admissions_available and a.admissions:
        falls = []
        window = span(a.rolling)
        area_adm = {x.key: x.change for x in a.area_admissions}
        adm_where = where if a.admissions_scope == "district" else ""
        for x in a.admissions:
            what = f"hospital admissions for {a.admissions_cause} ({x.label})"
            tile = Tile(fmt.change_counts(x.change, dp=2), f"average admissions a month{adm_where}, {x.label}",
                        f"{fmt.change_words(x.change)}, {window}" + beside(m.area, area_adm.get(x.key)),
                        icon="hospital")
            _sort(x.change, tile, what, falls, watch, withheld, absent)
        if falls:
            out.append(builder.h2(f"Hospital admissions for {a.admissions_cause}"))
            out.append(builder.tiles(falls))
            if a.admissions_scope == "county" and report.metadata.district:
                out.append(builder.note("Admissions are shown for the whole area: the source has no district."))
    else:
        out.append(builder.h2(f"Hospital admissions for {a.admissions_cause}"))
        out.append(builder.note(reason_note(a.admissions_reason)))
    saving_blocks, saving_watch = savings_blocks(a, builder, where)
    out += saving_blocks
    watch += saving_watch
    if watch:
        out.append(builder.keep([builder.h2("To watch"),     # the heading and its words stay with the tiles
                                 builder.para("These figures did not fall, so they are not counted as achievements."),
                                 builder.tiles(watch)]))
    if withheld:
        out.append(builder.note(f"Left out because the figures are withheld to protect the people involved: "
                             f"{fmt.join_words(withheld)}."))
    if absent["none"]:
        out.append(builder.note(f"Left out because there were none in either period: {fmt.join_words(absent['none'])}."))
    if absent["not available"]:
        out.append(builder.note(f"Left out because the figures are not available: "
                             f"{fmt.join_words(absent['not available'])}."))
    for note in a.notes:
        out.append(builder.note(note))
    return out


def recognition(report: Report, builder: BlockBuilder) -> list[Block]:
    """Recognised practice and the offence types that fell: the achievements that are not big numbers
    (printed on the second page of the at-a-glance spread, after the key findings)."""
    a = report.achievements
    c = content(report)
    out: list[Block] = []
    if c is not None and c.achievements:
        out.append(builder.h2("Recognised practice"))
        out += scope_note(report, builder, "achievements")
        for item in c.achievements:
            out.append(builder.boxed([builder.h3(item.headline), *builder.markdown(item.text)]))
    if a.available and a.fallen_types:
        yoy = span(a.year_on_year)
        where = f" in {report.metadata.district}" if report.metadata.district else ""
        out.append(builder.h2(f"Offence types that fell{where}, {yoy}"))
        rows = [[f.label, fmt.count(f.change.previous, suppressed=f.change.suppressed),
                 fmt.count(f.change.current, suppressed=f.change.suppressed), fmt.change_pct(f.change)]
                for f in a.fallen_types]
        out += builder.annex_table(["Offence type", earlier(a.year_on_year, "Previous"), later(a.year_on_year, "Current"),
                                 "Change"], rows, f"Offence types that fell{where}, {yoy}", widths=[0.55, 0.15, 0.15, 0.15],
                                source=source_line(report, "offences"))
    return out


def beside(area: str, change) -> str:
    """"; Kent and Medway: down 2.3%" — the whole area's change after a district's ("" without one)."""
    return f"; {area}: {fmt.change_words(change)}" if change is not None else ""


def headline_change(change) -> str:
    """The tile's big figure: the % change, or the two counts when the change is undefined."""
    if change.change_pct is not None or change.suppressed:
        return fmt.change_pct(change, plus=True)
    return fmt.change_counts(change)


def _sort(change, tile: Tile, what: str, falls: list, watch: list, withheld: list,
          absent: dict[str, list[str]]) -> None:
    """A fall is an achievement; a rise or no change goes to the to-watch panel; a withheld one is left out,
    and so is one with nothing in either period or a side not available (never a "0 → 0" tile)."""
    direction = change.direction
    if change.suppressed:
        withheld.append(what)
    elif change.previous is None or change.current is None:
        absent["not available"].append(what)
    elif change.previous == 0 and change.current == 0:
        absent["none"].append(what)
    elif direction == "fall":
        falls.append(tile)
    elif direction in ("rise", "no change"):
        watch.append(tile)
    else:
        withheld.append(what)


def savings_blocks(a, builder: BlockBuilder, where: str = "") -> tuple[list[Block], list[Tile]]:
    """The estimated cost of crime avoided: a tile per costed group that fell, the net figure with its
    period, price base and rounding, the method and the unit costs' source; and a to-watch tile per
    costed group that rose (an added cost)."""
    out: list[Block] = [builder.h2("Estimated cost of crime avoided")]
    if not (a.savings_available and a.savings):
        return out + [builder.note(reason_note(a.savings_reason))], []
    when = span(a.two_year, "one period to the next")
    nearest = a.savings_rounding_gbp
    tiles, watch, withheld = [], [], []
    for s in a.savings:
        if s.suppressed or s.saving_gbp is None:
            withheld.append(s.offence_group.lower())
        elif s.headline and s.fall:
            fewer = s.fall > 0
            (tiles if fewer else watch).append(Tile(
                ("" if fewer else "+") + fmt.money(abs(s.saving_gbp), nearest=nearest),
                f"estimated cost of {s.offence_group.lower()} {'avoided' if fewer else 'added'}{where}, {when}",
                f"{fmt.count(abs(s.fall))} {'fewer' if fewer else 'more'} offences: "
                f"{fmt.count(s.previous)} in {earlier(a.two_year)}, {fmt.count(s.current)} in "
                f"{later(a.two_year)}" if a.two_year else "", icon="money"))
    if tiles:
        out.append(builder.tiles(tiles))
    groups = fmt.join_words([g.lower() for g in a.savings_groups])
    price = f" at {a.price_year} prices" if a.price_year else ""
    rounded = f", rounded to the nearest {fmt.money(nearest)}" if nearest > 1 else ""
    if a.savings_total_gbp is None:
        out.append(builder.para(f"The net estimated cost of crime avoided across {groups} from {when} is withheld."))
    elif a.savings_total_gbp >= 0:
        out.append(builder.rich([f"Counting rises as well as falls, the estimated cost of crime avoided across {groups} "
                              f"from {when} is ", Segment(fmt.money(a.savings_total_gbp, nearest=nearest), bold=True),
                              f"{price}{rounded}."]))
    else:
        out.append(builder.rich([f"Counting rises as well as falls, {groups} from {when} added an estimated ",
                              Segment(fmt.money(-a.savings_total_gbp, nearest=nearest), bold=True),
                              f" to the cost of crime{price}{rounded}."]))
    if withheld:
        out.append(builder.note(f"The figure for {fmt.join_words(withheld)} is withheld to protect the people involved "
                             "and is left out of the tiles."))
    out.append(builder.note(
        "Method: the change in the number of offences in each group is multiplied by the Home Office unit cost "
        "of one offence of that group (The economic and social costs of crime), and rises are set against falls. "
        "The unit costs are mostly the physical and emotional harm to victims, with smaller parts for costs in "
        "anticipation of crime and costs to health services, police and the criminal justice system, so the "
        "figure estimates harm avoided, not money saved by any organisation."))
    if a.cost_source:
        out.append(builder.note(f"Source of unit costs: {a.cost_source}."))
    return out, watch
