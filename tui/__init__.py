"""briefing: a terminal browser for bilingual conference briefings."""

__version__ = "0.1.0"
