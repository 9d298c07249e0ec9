"""Printed documents (PDF): plain Python over reportlab, no Qt."""
