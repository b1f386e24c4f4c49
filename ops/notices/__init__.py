"""Advance notices of planned interruptions: who is affected, when to tell them, what to say.

Plain Python like the rest of the domain: no database, no Qt, no network. Sending is in
`ops.delivery`, which depends on this package and never the other way round.
"""
