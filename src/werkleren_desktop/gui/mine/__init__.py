"""Mijn leren: the pages of a manager or a professional signed in to a shared server."""
