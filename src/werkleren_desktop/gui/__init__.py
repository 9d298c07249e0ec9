"""The Qt interface. It calls the services below it; nothing below imports Qt.

The services the window starts with are imported here, before PySide6: once PySide6 is
loaded, its import hook reads the source of every module imported after it (to see
whether the module uses PySide's "features"), which cost a tenth of a second at start
for SQLAlchemy, reportlab, babel and the program's own modules.
"""

from werkleren_desktop.services import (  # noqa: F401 - imported for the side effect above
    backups,
    data_store,
    drafts,
    home,
    privacy,
    writer,
)
