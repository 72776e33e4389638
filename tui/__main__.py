"""`python -m tui` runs the `briefing` command."""

import sys

from tui.cli.main import main

sys.exit(main())
