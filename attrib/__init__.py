"""attrib: find who said what in news articles, store it in SQLite, explore it in Datasette."""

__version__ = "0.1.0"
