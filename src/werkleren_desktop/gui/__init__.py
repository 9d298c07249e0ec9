"""The Qt interface. It calls the services below it; nothing below imports Qt."""
