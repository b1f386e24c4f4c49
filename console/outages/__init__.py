"""The outages screen: the outage table, its commands and dialogs, the detail view and the
deadline alerts."""
