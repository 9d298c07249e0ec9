import sys

from werkleren_desktop.cli import main

sys.exit(main())
