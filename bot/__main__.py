"""``python -m bot`` is the same CLI as the ``versus`` console script."""

import sys

from bot.cli.main import main

sys.exit(main())
