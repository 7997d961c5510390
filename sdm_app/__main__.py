"""``python -m sdm_app``: the ``sdm`` command line."""

import sys

from sdm_app.cli.main import main

sys.exit(main())
