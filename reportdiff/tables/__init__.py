"""pandas tables built from computed records (alignment, trends)."""
