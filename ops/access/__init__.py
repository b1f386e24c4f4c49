"""Who may do what: roles and permissions, accounts, and signing in."""
