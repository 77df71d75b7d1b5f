"""Discord's size limits, as plain numbers any layer may read.

A leaf module like :mod:`bot.settings`: the knowledge lints warn about text that
cannot fit, and the renderer cuts cards to fit, from the same figures.
"""

MESSAGE_CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
EMBED_FIELD_NAME = 256
EMBED_FIELD_VALUE = 1024
EMBED_FOOTER = 2048
EMBED_AUTHOR = 256
EMBEDS_TOTAL = 6000
ACTION_ROWS = 5
BUTTONS_PER_ROW = 5
BUTTON_LABEL = 80
CUSTOM_ID = 100
SELECT_OPTIONS = 25
SELECT_OPTION_LABEL = 100
SELECT_OPTION_DESCRIPTION = 100
AUTOCOMPLETE_CHOICES = 25
AUTOCOMPLETE_CHOICE = 100

ANSWER_BUDGET = 1500
"""Longest FAQ answer we accept: it must fit one chat message with its sources."""
TABLE_CELL_BUDGET = 80
"""Longest matrix value that still reads as a table cell."""
