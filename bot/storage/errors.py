"""The one error storage raises of its own."""


class StorageError(Exception):
    """Storage could not do what was asked (the message says why)."""
