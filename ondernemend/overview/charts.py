"""Server-side bar charts: the layout of a horizontal bar chart as numbers for an SVG template. Pure.

The chart is a picture of a table that is on the page as well; a hidden count (None) gets no bar, only the
text the table shows for it ("<10"), so the picture never tells more than the table.
"""

from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 70
BAR_HEIGHT = 22
GAP = 10
PADDING = 4


@dataclass(frozen=True)
class Bar:
    label: str
    value_text: str
    x: int
    y: int
    width: int
    height: int
    text_y: int
    value_x: int


@dataclass(frozen=True)
class BarChart:
    key: str
    title: str
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def bar_chart(key: str, title: str, values: list[tuple[str, int | float | None, str]]) -> BarChart:
    """One bar per (label, value, text shown for the value); the longest bar fills the space for bars."""
    room = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    largest = max((value for _label, value, _text in values if value), default=0)
    bars = []
    for index, (label, value, text) in enumerate(values):
        y = PADDING + index * (BAR_HEIGHT + GAP)
        length = round(room * value / largest) if value and largest else 0
        bars.append(
            Bar(
                label=label,
                value_text=text,
                x=LABEL_WIDTH,
                y=y,
                width=length,
                height=BAR_HEIGHT,
                text_y=y + BAR_HEIGHT - 6,
                value_x=LABEL_WIDTH + length + 6,
            )
        )
    height = 2 * PADDING + len(values) * (BAR_HEIGHT + GAP) - GAP if values else 2 * PADDING
    return BarChart(key=key, title=title, width=WIDTH, height=height, label_width=LABEL_WIDTH, bars=bars)
