"""reportdiff: compare the same report across years."""
