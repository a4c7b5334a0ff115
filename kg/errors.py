"""The library's exceptions. The CLI maps each to a message and an exit code."""

from __future__ import annotations


class KGError(Exception):
    """Base class for every error the library raises on purpose."""

    exit_code = 2


class SourceError(KGError):
    """An input path or file cannot be read at all (missing path, no readable documents)."""


class ModelError(KGError):
    """No usable spaCy model."""


class ExtractError(KGError):
    """Extraction could not run to the end (a worker process died)."""


class QueryError(KGError):
    """Unknown query, missing parameter, or a SPARQL syntax error."""


class ValidationFailure(KGError):
    """The graph does not conform to the SHACL shapes."""

    exit_code = 1


class EndpointError(KGError):
    """A SPARQL endpoint is unreachable, refuses the request, or keeps failing."""

    exit_code = 3


class StoreError(KGError):
    """The embedded store or the export folder is missing or unusable."""
