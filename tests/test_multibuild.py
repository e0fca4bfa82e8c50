"""Layout passes: the first pass lays out without drawing, output is unchanged, keepWithNext survives passes."""
from __future__ import annotations

import io

from reportlab import rl_config
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph, Spacer, Table

from snareport.render.keep import KeepHeadingWithStart
from snareport.render.multibuild import TwoPassDocTemplate
from snareport.render.paragraphs import ReportParagraph
from snareport.render.report_table import ReportTable
from snareport.render.tagging.structure import Node
from snareport.render.tagging.tagged_flowables import TaggedBox, TaggedParagraph


class PageTotal(Flowable):
    """An indexing flowable satisfied once two passes agree on the page total; like the report's, it
    learns the total from the page callbacks, not from being drawn."""

    def __init__(self) -> None:
        super().__init__()
        self.previous = self.current = None

    def isIndexing(self) -> int:
        return 1

    def beforeBuild(self) -> None:
        self.previous, self.current = self.current, None

    def afterBuild(self) -> None:
        pass

    def isSatisfied(self) -> bool:
        return self.previous is not None and self.previous == self.current

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class DrawnTotal(PageTotal):
    """An indexing flowable that only learns the total when drawn: it costs one more pass, same output."""

    def draw(self) -> None:
        self.current = self.canv.getPageNumber()


class CountingBox(Flowable):
    """A box that counts how often it is drawn."""

    def __init__(self, height: float) -> None:
        super().__init__()
        self.height = height
        self.draws = 0

    def wrap(self, aW: float, aH: float) -> tuple[float, float]:
        return aW, self.height

    def draw(self) -> None:
        self.draws += 1
        self.canv.rect(0, 0, 50, self.height)


def _document(pages: list[int], total: PageTotal, template: type[BaseDocTemplate] = TwoPassDocTemplate
              ) -> tuple[BaseDocTemplate, io.BytesIO]:
    buffer = io.BytesIO()
    doc = template(buffer, pagesize=(300, 300), invariant=1)

    def footer(canvas, document) -> None:
        pages.append(document.page)
        if type(total) is PageTotal:
            total.current = document.page
        canvas.drawString(10, 10, f"Page {document.page} of {total.previous or '?'}")

    doc.addPageTemplates([PageTemplate("p", [Frame(20, 20, 260, 260)], onPage=footer)])
    return doc, buffer


def _story(total: PageTotal) -> tuple[list[Flowable], list[CountingBox]]:
    boxes = [CountingBox(100) for _ in range(7)]
    style = getSampleStyleSheet()["BodyText"]
    story: list[Flowable] = [Paragraph("A heading that keeps with the box", style)]
    for box in boxes:
        story += [box, Spacer(1, 10)]
    story.append(total)
    return story, boxes


def _plain_and_ours(total_class: type[PageTotal] = PageTotal) -> tuple[bytes, bytes, list[CountingBox], int]:
    rl_config.invariant = 1
    total = total_class()
    doc, plain_buffer = _document([], total, BaseDocTemplate)
    story, _ = _story(total)
    doc.multiBuild(story)

    total = total_class()
    doc, our_buffer = _document([], total)
    story, boxes = _story(total)
    passes = doc.multiBuild(story)
    return plain_buffer.getvalue(), our_buffer.getvalue(), boxes, passes


def test_first_pass_lays_out_without_drawing_and_output_is_the_same() -> None:
    plain, ours, boxes, passes = _plain_and_ours()
    assert ours == plain
    assert passes == 2
    assert [box.draws for box in boxes] == [1] * 7  # drawn in the final pass only
    assert all("drawOn" not in box.__dict__ for box in boxes)  # nothing left behind


class CountingHeading(Paragraph):
    """A heading kept with what follows that counts how often it is drawn."""

    draws = 0

    def draw(self) -> None:
        self.draws += 1
        super().draw()


def test_a_heading_kept_with_the_start_of_its_text_is_drawn_in_the_final_pass_only() -> None:
    """The report keeps a heading with the first lines of a long paragraph (render.keep): the group splits
    into the heading, which the frame places at once, and the paragraph's parts; none draws in pass one."""
    rl_config.invariant = 1
    style = getSampleStyleSheet()["BodyText"]
    outputs = []
    for template in (BaseDocTemplate, TwoPassDocTemplate):
        total = PageTotal()
        buffer = io.BytesIO()
        doc = template(buffer, pagesize=(300, 300), invariant=1, keepTogetherClass=KeepHeadingWithStart)
        doc.addPageTemplates([PageTemplate("p", [Frame(20, 20, 260, 260)],
                                           onPage=lambda canvas, document, total=total: setattr(total, "current", document.page))])
        heading = CountingHeading("A heading kept with the start of its text", getSampleStyleSheet()["Heading2"])
        heading.keepWithNext = 1
        text = Paragraph("Violence fell in most districts and rose in two of them. " * 12, style)
        story: list[Flowable] = [CountingBox(150), heading, text, total]
        doc.multiBuild(story)
        outputs.append(buffer.getvalue())
    assert outputs[0] == outputs[1]
    assert heading.draws == 1 and story[0].draws == 1
    assert not any(name in f.__dict__ for f in story for name in ("drawOn", "split", "splitOn"))


def test_an_indexing_flowable_that_learns_while_drawn_gets_one_more_pass() -> None:
    plain, ours, boxes, passes = _plain_and_ours(DrawnTotal)
    assert ours == plain
    assert passes == 3
    assert [box.draws for box in boxes] == [2] * 7


def test_a_layout_only_pass_is_never_the_final_one() -> None:
    class AlwaysSatisfied(PageTotal):
        def isSatisfied(self) -> bool:
            return True

    total = AlwaysSatisfied()
    doc, buffer = _document([], total)
    story, boxes = _story(total)
    assert doc.multiBuild(story) == 2
    assert [box.draws for box in boxes] == [1] * 7
    assert buffer.getvalue().startswith(b"%PDF")


def test_a_tagging_box_keeps_with_next_like_what_it_holds_and_as_reportlab_restores_it() -> None:
    caption = Paragraph("Caption", getSampleStyleSheet()["BodyText"])
    caption.keepWithNext = 1
    held = TaggedBox(caption)
    assert held.getKeepWithNext() == 1
    held.__dict__["keepWithNext"] = 0  # what reportlab does while grouping
    assert held.getKeepWithNext() == 0
    del held.keepWithNext  # what multiBuild does before the next pass (the flag came from what it holds)
    assert held.getKeepWithNext() == 1


def test_tagged_caption_stays_with_what_follows_in_every_pass() -> None:
    wrapped = TaggedParagraph("Caption", getSampleStyleSheet()["BodyText"])
    wrapped.keepWithNext = 1
    wrapped.node = Node("Caption")
    box = CountingBox(100)
    total = PageTotal()
    doc, _ = _document([], total)
    placed: list[tuple[str, int]] = []
    doc.afterFlowable = lambda f: placed.append(("caption" if f is wrapped else "box" if f is box else "", doc.page))
    assert doc.multiBuild([Spacer(1, 200), wrapped, box, total]) == 2
    pages = [(name, page) for name, page in placed if name]
    assert pages == [("caption", 2), ("box", 2)] * 2


class CountingParagraph(ReportParagraph):
    """A ReportParagraph that counts how often it breaks its lines."""

    breaks = 0

    def breakLines(self, width):
        self.breaks += 1
        return super().breakLines(width)


def test_a_paragraph_breaks_its_lines_once_per_width() -> None:
    words = "Serious violence fell in every district but two, and rose in the other two. " * 6
    style = getSampleStyleSheet()["BodyText"]
    para = CountingParagraph(words, style)
    first = para.wrap(200, 500)
    assert para.wrap(200, 40) == first and para.wrap(200, 900) == first   # the height asked never matters
    assert para.breaks == 1
    wider = para.wrap(300, 500)
    assert wider[1] < first[1] and para.breaks == 2
    assert para.wrap(200, 500) == first and para.breaks == 2
    assert para.blPara.lines == Paragraph(words, style).breakLines([200, 200]).lines  # the 200-point lines again


def test_paragraphs_that_break_once_draw_the_same_pages_in_fewer_breaks() -> None:
    rl_config.invariant = 1
    style = getSampleStyleSheet()["BodyText"]
    words = ["Knife crime offences rose by a tenth in the latest year, most of all among under-25s. " * (i % 5 + 2)
             for i in range(40)]
    pages = []
    for kind in (Paragraph, CountingParagraph):
        total = PageTotal()
        doc, buffer = _document([], total)
        story: list[Flowable] = [kind(w, style) for w in words]
        assert doc.multiBuild([*story, total]) == 2
        pages.append(buffer.getvalue())
    assert pages[0] == pages[1]
    counted = [p for p in story if isinstance(p, CountingParagraph)]
    assert sum(p.breaks for p in counted) <= len(counted) + 10   # split parts break their own lines once


class CountingTable(ReportTable):
    """A ReportTable that counts how often it works out its sizes."""

    sizings = 0

    def _calc(self, availWidth, availHeight):
        self.sizings += 1
        return super()._calc(availWidth, availHeight)


def _rows(n: int) -> list[list[Paragraph]]:
    style = getSampleStyleSheet()["BodyText"]
    return [[Paragraph(f"District {i}", style), Paragraph(f"{i * 37} offences, {'a wrapped note ' * (i % 3)}", style)]
            for i in range(n)]


def test_a_table_works_out_its_sizes_once_per_space_offered() -> None:
    table = CountingTable(_rows(12), colWidths=["30%", "70%"])
    first = table.wrap(240, 1000)
    sizes = (list(table._rowHeights), list(table._colWidths), table._hmax)
    assert table.wrap(240, 1000) == first and table.sizings == 1
    assert table.wrap(240, 60) == first and table.sizings == 2     # another height offered is sized anew
    narrow = table.wrap(200, 1000)
    assert narrow[1] > first[1] and table.sizings == 3
    assert table.wrap(240, 1000) == first and table.sizings == 3
    assert (table._rowHeights, table._colWidths, table._hmax) == sizes
    plain = Table(_rows(12), colWidths=["30%", "70%"])
    assert plain.wrap(240, 1000) == first and plain._rowHeights == sizes[0]


def test_tables_that_size_once_draw_the_same_pages() -> None:
    rl_config.invariant = 1
    pages = []
    for kind in (Table, CountingTable):
        total = PageTotal()
        doc, buffer = _document([], total)
        story: list[Flowable] = [kind(_rows(n), colWidths=["30%", "70%"], repeatRows=1) for n in (3, 9, 14, 4)]
        assert doc.multiBuild([*story, total]) == 2
        pages.append(buffer.getvalue())
    assert pages[0] == pages[1]


def test_a_report_frame_deep_copies_like_a_frame() -> None:
    import copy

    from snareport.render.pages import ReportFrame

    frame = ReportFrame(20, 30, 260, 240, id="body", leftPadding=0)
    frame._y -= 55.5
    frame._atTop = 0
    frame._frameBGs = [["a background"]]
    ours = copy.deepcopy(frame)
    theirs = copy.deepcopy(Frame(20, 30, 260, 240, id="body", leftPadding=0))
    theirs._y -= 55.5
    theirs._atTop = 0
    theirs._frameBGs = [["a background"]]
    assert type(ours) is ReportFrame and ours.__dict__ == theirs.__dict__ == frame.__dict__
    assert ours._frameBGs is not frame._frameBGs and ours._frameBGs[0] is not frame._frameBGs[0]
    ours._frameBGs[0].append("only on the copy")
    assert frame._frameBGs == [["a background"]]
    ours.width = 100                                   # the copy's geometry is its own
    assert frame._width == 260 and ours._x2 == 120
