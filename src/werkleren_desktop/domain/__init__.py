"""The rules of the domain: plain Python, no Qt, no database sessions."""
