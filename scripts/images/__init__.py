"""Photos: whether a file is a sound image, its re-encoded variants, and their cache."""
