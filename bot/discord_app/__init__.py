"""The Discord front end: a thin layer over the engine, render and storage.

Named ``discord_app`` so that it never reads like the ``discord`` library.
"""
