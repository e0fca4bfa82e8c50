"""ChartAxes: matplotlib Axes without the tick machinery a chart does not print.

Every chart sets both its limits itself and draws on fixed geometry, so three of matplotlib's costs buy
nothing here: widening the data limits for each patch, making ticks on axes that are never drawn, and
keeping a Tick (three lines and two texts) for every tick location. What is drawn is the same as on plain
matplotlib Axes (tests/test_charts.py draws every chart both ways).
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from matplotlib.artist import allow_rasterization
from matplotlib.axes import Axes
from matplotlib.axis import Tick, XAxis, YAxis
from matplotlib.ticker import NullLocator
from matplotlib.transforms import _interval_contains_close


class _LeanTicks:
    """An axis that makes ticks only when a chart sets or draws them, and draws all its ticks with one.

    Ticks when needed: matplotlib's ``Axes.clear()`` makes a major and a minor tick on each axis (about a
    millisecond in all) only to switch their grid off and clip their gridline to the axes, and a chart with
    its axes off never draws them. Here those settings go only where matplotlib keeps them for the ticks it
    makes later: the tick keywords, and the clip, given to each tick as it is made. An axis whose minor
    ticks are off (a ``NullLocator``, as in every chart here) makes no minor tick at all: matplotlib made
    one for the spine to look for among the ticks drawn.

    One tick for all: every tick of an axis looks the same but for its place and label, and both are set
    again from the locator and formatter whenever the axis is drawn. So the axis keeps its first tick, made
    and styled by matplotlib, and moves it to each location in turn, to measure its label there (for the
    axis label's place) and to draw it there: the same drawing in the same order, without a Tick per
    location. ``get_major_ticks(n)`` hands back that one tick ``n`` times, so setting tick labels or tick
    params still styles it as matplotlib would style each tick.
    """

    _tick_clip: tuple[Any, Any] | None = None
    #: while the axis draws: its ticks' places, and their label boxes once measured
    _drawing: tuple[list[tuple[Tick, float, str]], tuple[list[Any], list[Any]] | None] | None = None

    # --- ticks when needed ---------------------------------------------------------------------------
    # matplotlib reads, sets and deletes an axis's ``majorTicks`` and ``minorTicks``, lists it makes on first
    # read (its ``_LazyTickList``); here a list is made on the first read that needs a tick.
    _settings_only = False   # True while tick settings are applied: they need no tick made

    def _tick_list(self, major: bool) -> list[Tick]:
        name = "_major_ticks" if major else "_minor_ticks"
        if name not in self.__dict__:
            if self._settings_only or (not major and isinstance(self.minor.locator, NullLocator)):  # type: ignore[attr-defined]
                return []   # nothing to style, or minor ticks off: no tick to read
            self.__dict__[name] = []   # as matplotlib's lazy list: making a tick may read the list
            self.__dict__[name] = [self._get_tick(major)]
        ticks: list[Tick] = self.__dict__[name]
        return ticks

    @property
    def majorTicks(self) -> list[Tick]:
        return self._tick_list(True)

    @majorTicks.setter
    def majorTicks(self, ticks: list[Tick]) -> None:
        self.__dict__["_major_ticks"] = ticks

    @majorTicks.deleter
    def majorTicks(self) -> None:
        self.__dict__.pop("_major_ticks", None)

    @property
    def minorTicks(self) -> list[Tick]:
        return self._tick_list(False)

    @minorTicks.setter
    def minorTicks(self, ticks: list[Tick]) -> None:
        self.__dict__["_minor_ticks"] = ticks

    @minorTicks.deleter
    def minorTicks(self) -> None:
        self.__dict__.pop("_minor_ticks", None)

    def set_tick_params(self, which: str = "major", reset: bool = False, **kwargs: Any) -> None:
        with self._applying_settings():
            super().set_tick_params(which, reset, **kwargs)  # type: ignore[misc]

    def set_clip_path(self, path: Any, transform: Any = None) -> None:
        self._tick_clip = (path, transform)
        with self._applying_settings():
            super().set_clip_path(path, transform)  # type: ignore[misc]

    def _get_tick(self, major: bool) -> Tick:
        tick = super()._get_tick(major)  # type: ignore[misc]
        if self._tick_clip is not None:
            tick.set_clip_path(*self._tick_clip)
        return tick

    @contextmanager
    def _applying_settings(self) -> Iterator[None]:
        """While settings are applied, a tick list not made yet reads as empty instead of being made (the
        settings are kept for the ticks made later)."""
        before, self._settings_only = self._settings_only, True
        try:
            yield
        finally:
            self._settings_only = before

    # --- one tick for all ----------------------------------------------------------------------------
    def get_major_ticks(self, numticks: int | None = None) -> list[Tick]:
        if numticks is None:
            numticks = len(self.get_majorticklocs())  # type: ignore[attr-defined]
        return self.majorTicks[:1] * numticks if numticks else []  # type: ignore[attr-defined]

    def get_minor_ticks(self, numticks: int | None = None) -> list[Tick]:
        if numticks is None:
            numticks = len(self.get_minorticklocs())  # type: ignore[attr-defined]
        return self.minorTicks[:1] * numticks if numticks else []  # type: ignore[attr-defined]

    def _placed_ticks(self) -> list[tuple[Tick, float, str]]:
        """(tick, location, label) of every tick to draw, in matplotlib's order (as ``Axis._update_ticks``:
        the majors then the minors, those inside the view)."""
        placed: list[tuple[Tick, float, str]] = []
        for major in (True, False):
            kw = self._major_tick_kw if major else self._minor_tick_kw  # type: ignore[attr-defined]
            ticker = self.major if major else self.minor  # type: ignore[attr-defined]
            if not self._tick_group_visible(kw) or isinstance(ticker.locator, NullLocator):  # type: ignore[attr-defined]
                continue
            locs = self.get_majorticklocs() if major else self.get_minorticklocs()  # type: ignore[attr-defined]
            labels = ticker.formatter.format_ticks(locs)
            if len(locs):
                tick = (self.majorTicks if major else self.minorTicks)[0]  # type: ignore[attr-defined]
                placed += [(tick, loc, label) for loc, label in zip(locs, labels)]
        if not placed:
            return []
        low, high = sorted(self.get_view_interval())  # type: ignore[attr-defined]
        transform = self.get_transform()  # type: ignore[attr-defined]
        interval = transform.transform([low, high])
        inside = []
        for tick, loc, label in placed:
            try:
                if _interval_contains_close(interval, transform.transform(loc)):
                    inside.append((tick, loc, label))
            except AssertionError:   # as matplotlib: a masked location is not drawn
                pass
        return inside

    @staticmethod
    def _place(tick: Tick, loc: float, label: str) -> None:
        tick.update_position(loc)
        tick.label1.set_text(label)
        tick.label2.set_text(label)

    def _update_ticks(self) -> list[Tick]:
        """The ticks that draw (one per group): what matplotlib's spines read a tick's length from."""
        return list(dict.fromkeys(tick for tick, _, _ in self._ticks_and_places()))

    def _ticks_and_places(self) -> list[tuple[Tick, float, str]]:
        return self._drawing[0] if self._drawing is not None else self._placed_ticks()

    def _get_ticklabel_bboxes(self, ticks: object, renderer: Any) -> tuple[list[Any], list[Any]]:
        """The label boxes of every tick to draw (``ticks``, from `_update_ticks`, stand for them all)."""
        if self._drawing is not None and self._drawing[1] is not None:
            return self._drawing[1]
        boxes1, boxes2 = [], []
        for tick, loc, label in self._ticks_and_places():
            self._place(tick, loc, label)
            if tick.label1.get_visible() and tick.label1.get_in_layout():
                boxes1.append(tick.label1.get_window_extent(renderer))
            if tick.label2.get_visible() and tick.label2.get_in_layout():
                boxes2.append(tick.label2.get_window_extent(renderer))
        return boxes1, boxes2

    def _get_tick_boxes_siblings(self, renderer: Any) -> tuple[list[Any], list[Any]]:
        """This axis's label boxes (a chart aligns no labels across axes)."""
        return self._get_ticklabel_bboxes((), renderer)

    @allow_rasterization
    def draw(self, renderer: Any) -> None:
        """``Axis.draw``, with the one tick moved to each place in turn."""
        if not self.get_visible():  # type: ignore[attr-defined]
            return
        renderer.open_group("matplotlib.axis", gid=self.get_gid())  # type: ignore[attr-defined]
        # the places and label boxes are worked out once: the axis label's place (and the spine's box
        # that it reads) asks for them again while the axis draws, and they have not changed
        placed = self._placed_ticks()
        self._drawing = (placed, None)
        try:
            boxes1, boxes2 = boxes = self._get_ticklabel_bboxes((), renderer)
            self._drawing = (placed, boxes)
            for tick, loc, label in placed:
                self._place(tick, loc, label)
                tick.draw(renderer)
            self._update_label_position(renderer)  # type: ignore[attr-defined]
        finally:
            self._drawing = None
        self.label.draw(renderer)  # type: ignore[attr-defined]
        self._update_offset_text_position(boxes1, boxes2)  # type: ignore[attr-defined]
        self.offsetText.set_text(self.major.formatter.get_offset())  # type: ignore[attr-defined]
        self.offsetText.draw(renderer)  # type: ignore[attr-defined]
        renderer.close_group("matplotlib.axis")
        self.stale = False


class ChartXAxis(_LeanTicks, XAxis):
    pass


class ChartYAxis(_LeanTicks, YAxis):
    pass


class ChartAxes(Axes):
    """Axes of a chart that sets both its limits itself (every chart here does, from its data): adding a
    bar or other patch does not widen the data limits, which only autoscaling would read (matplotlib's
    ``_update_patch_limits``, about a fifth of the cost of a chart of 50 bars). Its x and y axes are
    `_LeanTicks` axes."""

    def _init_axis(self) -> None:
        self.xaxis = ChartXAxis(self, clear=False)
        self.spines.bottom.register_axis(self.xaxis)
        self.spines.top.register_axis(self.xaxis)
        self.yaxis = ChartYAxis(self, clear=False)
        self.spines.left.register_axis(self.yaxis)
        self.spines.right.register_axis(self.yaxis)

    def _update_patch_limits(self, patch: object) -> None:
        return
