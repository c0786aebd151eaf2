"""What the page and the CSV export show, built from the figures of `queries.overview_figures` (live, or a
frozen quarter's copy). Pure: no database. Labels and definitions are translated when the page is built, so a
frozen quarter reads in the language of whoever opens it.

One builder for both outputs means the export holds exactly what the page shows: the same rows (the chosen
district and the city total), the same columns, the same "<10" for a hidden count.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from challenge.enums import Outcome
from initiatives.enums import InitiativeKind, Offer
from ondernemend.languages import Language
from workshops.enums import IdeaStage, IncomeSituation

from .charts import BarChart, bar_chart
from .disclosure import MINIMUM_DENOMINATOR, TOTAL
from .periods import Period
from .queries import AMOUNTS, OTHER_LANGUAGE, UNKNOWN


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[str]
    is_total: bool = False


@dataclass(frozen=True)
class Table:
    key: str
    caption: str
    definition: str
    columns: list[str]  # the column headings after the first (row) heading
    rows: list[Row]
    row_heading: str = ""


@dataclass
class Section:
    key: str
    title: str
    introduction: str
    tables: list[Table] = field(default_factory=list)
    charts: list[BarChart] = field(default_factory=list)


def hidden_text(threshold: int) -> str:
    return f"<{threshold}"


def overview_sections(figures: dict, district: str | None) -> list[Section]:
    """The page's sections for one district (its rows and the city total) or for all districts."""
    period = Period.parse(figures["period"])
    builder = _Builder(figures, district, period)
    return [builder.network(), builder.workshops(), builder.mix(), builder.challenge()]


def district_initiative_counts(figures: dict) -> dict[str, int]:
    """Published initiatives per district slug, for the district map."""
    table = figures["initiatives_by_kind"]
    return {slug: table[slug][TOTAL] for slug, _name in figures["districts"] if slug in table}


def network_for(figures: dict, district_name: str | None) -> tuple[list, list, list]:
    """The partnership network's initiatives, contact points and links, limited to one district if given."""
    network = figures["network"]
    initiatives = [tuple(row) for row in network["initiatives"] if district_name in (None, row[2])]
    contact_points = [tuple(row) for row in network["contact_points"] if district_name in (None, row[2])]
    shown = {row[0] for row in initiatives}
    links = [tuple(pair) for pair in network["links"] if pair[0] in shown]
    points = {row[0] for row in contact_points}
    missing = {pair[1] for pair in links} - points
    # A partner across the district line is drawn too: who works with whom does not stop at the border.
    contact_points += [tuple(row) for row in network["contact_points"] if row[0] in missing]
    return initiatives, contact_points, links


class _Builder:
    def __init__(self, figures: dict, district: str | None, period: Period):
        self.figures = figures
        self.period = period
        self.hidden = hidden_text(figures["threshold"])
        self.names = dict(figures["districts"]) | {
            UNKNOWN: _("District unknown"),
            TOTAL: _("Amsterdam (total)"),
        }
        districts = [slug for slug, _name in figures["districts"]]
        self.row_keys = [*([district] if district else districts), TOTAL]
        self.dates = {"start": _day(period.first_day), "end": _day(period.last_day)}

    # --- cells and tables --------------------------------------------------------------------------------

    def _cell(self, value, column: str = "") -> str:
        if value is None:
            return self.hidden
        if column in AMOUNTS:
            return "€ " + number_format(Decimal(value), 2, force_grouping=True)
        return number_format(value, force_grouping=True)

    def _table(self, key: str, caption: str, definition: str, columns: dict[str, str], extra=None) -> Table:
        """The rows shown of the figures' table `key`; `extra` is (heading, cell text per row) for one more
        column that is worked out from the table (a rate)."""
        table = self.figures[key]
        rows = []
        for row_key in self.row_keys:
            cells = table.get(row_key, {})
            texts = [self._cell(cells.get(column), column) for column in columns]
            if extra:
                texts.append(extra[1](row_key))
            rows.append(Row(self.names.get(row_key, row_key), texts, is_total=row_key == TOTAL))
        return Table(
            key=key,
            caption=caption,
            definition=definition,
            columns=[*columns.values(), *([extra[0]] if extra else [])],
            rows=rows,
            row_heading=_("District"),
        )

    # --- the sections ------------------------------------------------------------------------------------

    def network(self) -> Section:
        kinds = {code: str(label) for code, label in InitiativeKind.choices} | {TOTAL: _("Total")}
        offers = {code: str(label) for code, label in Offer.choices}
        listings = {
            "initiatives": _("Initiatives"),
            "contact_points": _("Contact points"),
            "partnerships": _("Partnerships"),
            "without_partner": _("Initiatives without a partner"),
            "outdated": _("Listings out of date"),
        }
        listed = (
            _(
                "Initiatives that are published on the map now and were added before %(end)s (the end of the "
                "period), in the district of their address."
            )
            % self.dates
        )
        section = Section(
            "network",
            _("The network"),
            _("Initiatives and municipal contact points on the map, and who works with whom."),
        )
        section.tables = [
            self._table("initiatives_by_kind", _("Initiatives by kind"), listed, kinds),
            self._table(
                "initiatives_by_offer",
                _("Initiatives by what they offer"),
                listed + " " + _("An initiative that offers several things is counted under each of them."),
                offers,
            ),
            self._table(
                "listings",
                _("Listings and partnerships"),
                _(
                    "Contact points: published now and added before %(end)s. Partnerships: between a "
                    "published initiative and a published contact point, started on or before %(end)s, "
                    "counted in the initiative's district. Without a partner: initiatives with no such "
                    "partnership. Out of date: initiatives and contact points whose details were never "
                    "checked or not checked for 12 months, on the day the figures were made."
                )
                % self.dates,
                listings,
            ),
        ]
        counts = self.figures["initiatives_by_kind"]
        section.charts = [
            bar_chart(
                "initiatives-per-district",
                _("Initiatives per district"),
                [
                    (self.names[slug], counts[slug][TOTAL], self._cell(counts[slug][TOTAL]))
                    for slug in self._districts()
                ],
            )
        ]
        return section

    def workshops(self) -> Section:
        funnel = {
            "interest": _("Signed up"),
            "intake": _("Intake done"),
            "attended": _("At least one session"),
            "certificate": _("Certificate"),
        }
        section = Section(
            "workshops",
            _("Workshops"),
            _(
                "From signing up to a certificate, counted where the series is held. "
                "Groups under %(n)s are hidden."
            )
            % {"n": self.figures["threshold"]},
        )
        rates = self.figures["attendance_rates"]
        section.tables = [
            self._table(
                "funnel",
                _("From sign-up to certificate"),
                _(
                    "Signed up: sign-ups for a workshop series made from %(start)s to %(end)s (with a "
                    "place, on the waiting list or cancelled; someone in two series counts twice). Of those "
                    "sign-ups: intake done, present or late at least once at a session that was not "
                    "cancelled, and a certificate that was not revoked — up to the day the figures were made."
                )
                % self.dates,
                funnel,
            ),
            self._table(
                "attendance",
                _("Attendance"),
                _(
                    "Attendance recorded at sessions held from %(start)s to %(end)s (not cancelled, already "
                    "started). Present includes late; excused does not count as absent and is left out. The "
                    "rate is shown only when at least %(minimum)s attendances were recorded."
                )
                % (self.dates | {"minimum": MINIMUM_DENOMINATOR}),
                {"attended": _("Present or late"), "absent": _("Absent"), TOTAL: _("Recorded")},
                extra=(_("Attendance rate"), lambda row: _percent(rates.get(row))),
            ),
        ]
        shown = self.row_keys[0]
        cells = self.figures["funnel"].get(shown, {})
        section.charts = [
            bar_chart(
                "funnel",
                _("From sign-up to certificate: %(district)s") % {"district": self.names.get(shown, shown)},
                [(label, cells.get(code), self._cell(cells.get(code))) for code, label in funnel.items()],
            )
        ]
        return section

    def mix(self) -> Section:
        unknown = _("Not recorded")
        income = {code: str(label) for code, label in IncomeSituation.choices} | {UNKNOWN: unknown}
        languages = {code: str(Language(code).label) for code in ("nl", "en", "ar", "tr")}
        languages[OTHER_LANGUAGE] = _("Another language")
        stages = {code: str(label) for code, label in IdeaStage.choices} | {UNKNOWN: _("No intake yet")}
        who = (
            _(
                "People who signed up for a series from %(start)s to %(end)s, counted once per district "
                "where their series is held."
            )
            % self.dates
        )
        for table in (income, languages, stages):
            table[TOTAL] = _("Total")
        section = Section(
            "mix",
            _("Who takes part"),
            _(
                "Only in groups: a group under %(n)s people is hidden, and so is a second group when one "
                "hidden group could otherwise be worked out from the totals."
            )
            % {"n": self.figures["threshold"]},
        )
        section.tables = [
            self._table(
                "mix_income",
                _("Income situation"),
                who + " " + _("As the person said it at sign-up; the question is optional."),
                income,
            ),
            self._table("mix_language", _("Preferred language"), who, languages),
            self._table(
                "mix_idea_stage", _("Idea at the start"), who + " " + _("As recorded at the intake."), stages
            ),
        ]
        return section

    def challenge(self) -> Section:
        section = Section(
            "challenge",
            _("The challenge"),
            _("Proposals come from initiatives, not from people; amounts are in euros and are not hidden."),
        )
        columns = {
            "proposals": _("Proposals"),
            "awarded": _("Awarded"),
            "requested": _("Amount requested"),
            "granted": _("Amount awarded"),
        }
        section.tables = [
            self._table(
                "challenge",
                _("Proposals and money"),
                _(
                    "Proposals submitted from %(start)s to %(end)s (withdrawn ones left out), in the "
                    'district of the initiative. Awarded: a published decision "%(award)s" or "%(less)s". '
                    "Amount requested: the sum of the budget lines; amount awarded: the published decisions."
                )
                % (self.dates | {"award": Outcome.AWARD.label, "less": Outcome.AWARD_LESS.label}),
                columns,
            )
        ]
        return section

    def _districts(self) -> list[str]:
        return [key for key in self.row_keys if key != TOTAL]


def _day(day: date) -> str:
    return date_format(day, "j F Y")


def _percent(value: float | None) -> str:
    return _("not shown") if value is None else f"{round(value)}%"
