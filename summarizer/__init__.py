"""summarizer: grounded structured extraction of stances, conditions, red lines and participants from news."""

__version__ = "0.1.0"
