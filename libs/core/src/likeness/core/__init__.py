"""likeness.core: what every service shares — settings, database, contracts, auth, ids."""
