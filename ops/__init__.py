"""The outage-operations domain: network, outages, crews, planned work. No Qt, no SQLAlchemy."""

__version__ = "0.1.0"
