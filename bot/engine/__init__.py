"""The answer engine: question in, resolved answer out (pure, synchronous, no I/O)."""
