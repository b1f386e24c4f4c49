"""The network: its records, tracing (who has supply), the supply situation, imported layers,
their validation, and restoration advice for a faulted section."""
