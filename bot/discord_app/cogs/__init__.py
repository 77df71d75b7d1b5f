"""One cog per concern: asking, browsing, knowledge admin and settings, privacy."""
