"""The forms editors fill without a terminal (GitHub's issue form, the Word form), generated from
the schema and read back into a nomination file."""
