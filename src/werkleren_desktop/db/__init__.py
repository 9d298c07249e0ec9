"""The database: models, engine and migrations. Plain Python, no Qt."""
