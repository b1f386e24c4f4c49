"""Accounts: signing in (and, for administrators, keeping the accounts)."""
