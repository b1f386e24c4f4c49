"""The crews screen: the crew table, positions entered by hand or followed from a tracking file."""
