"""Why the map refuses something. Each carries the plain message the person sees (`message`)."""

from django.utils.translation import gettext_lazy as _


class ListingReportsLimited(Exception):
    """Too many reports about one listing in a day, from all senders together."""

    message = _(
        "Many reports were sent in a short time, so this one was not sent. "
        "Please try again later, or contact the initiative directly."
    )


class CSVFileError(ValueError):
    """The file as a whole cannot be read as an initiatives CSV; `message` says why, in plain words."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ImportNotValid(Exception):
    """An import with rejected rows writes nothing; `plan` shows every row with its problems."""

    def __init__(self, plan):
        super().__init__("the import has rejected rows")
        self.plan = plan
