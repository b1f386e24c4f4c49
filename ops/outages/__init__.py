"""Outages: records, lifecycle, the services the console calls, switching step by step, the
journal and its remarks, exact customer-interruption accounting, and deadlines."""
