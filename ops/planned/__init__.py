"""Planned interruptions: announced work with its window, reason and switching plan."""
