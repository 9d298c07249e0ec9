"""One small function per use case, between the pages and the database."""
