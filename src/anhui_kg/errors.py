"""Errors users see. The CLI catches ``KgError`` only; anything else is a bug.

Each message says what happened, where, and what to do next.
"""


class KgError(Exception):
    """Base class: an error the user can act on."""


class DocumentError(KgError):
    """An article could not be read (missing, not text, bad metadata)."""


class DateError(KgError):
    """A date could not be understood (in metadata or on the command line)."""


class ResolutionConflict(KgError):
    """The alias table or the data disagree about what a name means."""


class UnknownQuery(KgError):
    """A named query, entity or option value that does not exist."""


class ShapeViolation(KgError):
    """The built graph does not pass the SHACL shapes; nothing was written."""


class StoreError(KgError):
    """The store could not be opened, read or written."""
