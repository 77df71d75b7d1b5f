import gc
import weakref

from bot import heap


class Node:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector can free it


def test_settle_freezes_what_lives_and_a_later_settle_frees_what_was_dropped():
    try:
        node = Node()
        alive = weakref.ref(node)
        heap.settle()
        assert gc.get_freeze_count() > 0
        del node
        gc.collect()
        assert alive() is not None  # frozen: ordinary collections leave it alone
        heap.settle()  # as after a knowledge reload
        assert alive() is None
    finally:
        gc.unfreeze()
