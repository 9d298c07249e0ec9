"""The bundle's entry point: the same `werkleren` command as the installed package."""

import sys

from werkleren_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
