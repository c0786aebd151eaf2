"""A small HTML reader for assertions on rendered markup (standard library only)."""

from dataclasses import dataclass, field
from html.parser import HTMLParser

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text_parts: list[str] = field(default_factory=list)

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()

    @property
    def text(self) -> str:
        return " ".join("".join(self.text_parts).split())


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value if value is not None else "" for name, value in attrs})
        self.elements.append(element)
        if tag not in VOID_ELEMENTS:
            self.open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(
            Element(tag, {name: value if value is not None else "" for name, value in attrs})
        )

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index].tag == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        for element in self.open:
            element.text_parts.append(data)


def elements(html: str) -> list[Element]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.elements


def find_all(html: str, tag: str | None = None, css_class: str | None = None, **attrs: str) -> list[Element]:
    """Elements by tag, class and exact attribute values (`aria_invalid="true"` means aria-invalid)."""
    wanted = {name.replace("_", "-"): value for name, value in attrs.items()}
    return [
        element
        for element in elements(html)
        if (tag is None or element.tag == tag)
        and (css_class is None or css_class in element.classes)
        and all(element.attrs.get(name) == value for name, value in wanted.items())
    ]


def find_one(html: str, tag: str | None = None, css_class: str | None = None, **attrs: str) -> Element:
    found = find_all(html, tag, css_class, **attrs)
    assert len(found) == 1, f"expected one <{tag or '*'}> .{css_class} {attrs}, found {len(found)}"
    return found[0]


def by_id(html: str, element_id: str) -> Element:
    return find_one(html, id=element_id)
