"""Send dates from history, monthly and yearly tallies and their rendering, the radio bulletin."""
