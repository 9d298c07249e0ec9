"""The data folder as the program keeps it: opening and checking the file
(data_store, integrity), writing files safely (files, writer), backups and restores,
and the drafts of forms not saved yet. The use cases in ``services/`` build on it."""
