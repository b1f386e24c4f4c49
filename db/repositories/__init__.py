"""Repositories: the only way in and out of the database, speaking in domain records."""
