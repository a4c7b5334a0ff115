"""kg: turn AI-industry news into an RDF knowledge graph."""

__version__ = "0.1.0"
