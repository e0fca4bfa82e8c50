"""Theme → named reportlab ParagraphStyles, every one set to the theme's embedded family."""
from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth

from snareport.render.fonts import FontFamily, register_family
from snareport.theme import Theme

#: the longest line of body text, in characters (a comfortable measure; lines this long or shorter)
MEASURE_CHARACTERS = 77
#: ordinary prose, whose average character width sets how wide that many characters are in a face
_PROSE = ("Violence can change a life in a moment, and its effects spread through families and communities. "
          "The figures that follow set out where that progress has been made and where it has not.")


def measure(font: str, size: float, characters: int = MEASURE_CHARACTERS) -> float:
    """The width in points of a line of ``characters`` characters of ordinary prose in ``font`` at ``size``."""
    return stringWidth(_PROSE, font, size) / len(_PROSE) * characters


@dataclass(frozen=True)
class Styles:
    """The paragraph styles of one theme, and its registered font faces."""

    faces: FontFamily
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    bullet: ParagraphStyle
    cell_bullet: ParagraphStyle
    quote: ParagraphStyle
    quote_credit: ParagraphStyle
    cell: ParagraphStyle
    cell_number: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_number: ParagraphStyle
    tile_value: ParagraphStyle
    tile_label: ParagraphStyle
    contents: ParagraphStyle
    cover_title: ParagraphStyle
    cover_sub: ParagraphStyle
    cover_meta: ParagraphStyle
    on_dark: ParagraphStyle
    on_dark_small: ParagraphStyle
    on_dark_bold: ParagraphStyle
    note: ParagraphStyle
    small_body: ParagraphStyle
    term: ParagraphStyle
    level: ParagraphStyle


def build_styles(theme: Theme) -> Styles:
    """Every style the report uses, derived from the theme's type scale and colour roles."""
    f = theme.fonts
    faces = register_family(f.family, *(str(p) for p in theme.font_paths()))
    c, t = theme.colours, theme.type_scale
    text, muted, primary = HexColor(c.text), HexColor(c.muted), HexColor(c.primary)
    on_dark = HexColor(c.on_primary)
    lead = theme.leading

    def style(name: str, size: float, leading: float, font: str = faces.regular, colour=text, **kw):
        return ParagraphStyle(name, fontName=font, fontSize=size, leading=leading, textColor=colour,
                              alignment=kw.pop("alignment", TA_LEFT), bulletFontName=faces.regular, **kw)

    r = t.leading_ratio
    return Styles(
        faces=faces,
        # body text never runs wider than the measure (a paragraph in a full-width frame leaves the rest blank)
        body=style("body", t.body, lead, spaceAfter=t.body * 0.75, measure=measure(faces.regular, t.body)),
        lead=style("lead", t.h3, t.h3 * 1.35, spaceAfter=t.body, colour=primary),
        small=style("small", t.small, t.small * 1.35),
        muted=style("muted", t.small, t.small * 1.4, colour=muted, spaceAfter=t.small * 0.6),
        h1=style("h1", t.h1, t.h1 * 1.2, faces.bold, primary, spaceAfter=t.body * 1.1),
        h2=style("h2", t.h2, t.h2 * 1.25, faces.bold, primary, spaceBefore=t.body * 1.1, spaceAfter=t.body * 0.5),
        h3=style("h3", t.h3, t.h3 * 1.3, faces.bold, text, spaceBefore=t.body * 0.6, spaceAfter=t.body * 0.3),
        bullet=style("bullet", t.body, lead, spaceAfter=t.body * 0.25, measure=measure(faces.regular, t.body)),
        cell_bullet=style("cell_bullet", t.small, t.small * 1.3, spaceAfter=1),
        quote=style("quote", t.h3, t.h3 * 1.4, faces.italic, primary),
        quote_credit=style("quote_credit", t.small, t.small * 1.4, colour=muted),
        cell=style("cell", t.small, t.small * 1.3),
        cell_number=style("cell_number", t.small, t.small * 1.3, alignment=TA_RIGHT),
        cell_head=style("cell_head", t.small, t.small * 1.3, faces.bold),
        cell_head_number=style("cell_head_number", t.small, t.small * 1.3, faces.bold, alignment=TA_RIGHT),
        tile_value=style("tile_value", t.display, t.display * 1.15, faces.bold, primary, spaceAfter=4),
        tile_label=style("tile_label", t.body, t.body * 1.3, spaceAfter=2),
        contents=style("contents", t.body, t.body * r),
        cover_title=style("cover_title", t.display, t.display * 1.12, faces.bold, on_dark),
        cover_sub=style("cover_sub", t.h2, t.h2 * 1.3, colour=on_dark),
        cover_meta=style("cover_meta", t.body, t.body * r, colour=text),
        on_dark=style("on_dark", t.body, t.body * r, colour=on_dark),
        on_dark_small=style("on_dark_small", t.small, t.small * r, colour=on_dark),
        on_dark_bold=style("on_dark_bold", t.body, t.body * r, faces.bold, on_dark),
        small_body=style("small_body", t.small, t.small * 1.4, spaceAfter=t.small * 0.6),
        term=style("term", t.body, t.body * 1.3, faces.bold, primary, spaceBefore=t.body * 0.4, spaceAfter=2),
        level=style("level", t.small, t.small * 1.3, faces.bold, on_dark),
        note=style("note", t.small, t.small * 1.4, faces.italic, muted, spaceBefore=2, spaceAfter=t.body * 0.6),
    )
