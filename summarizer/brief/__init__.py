"""The daily brief: merging records across outlets, divergence, novelty, rendering."""
