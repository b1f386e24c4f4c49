"""Delivery channels for notices: SMTP e-mail, an HTTP SMS gateway, the CSV export for the
bulk senders, printed letters. They do network and file I/O, so they live apart from the
notice rules in `ops.notices`, which never import them.
"""
