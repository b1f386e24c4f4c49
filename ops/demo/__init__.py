"""A deterministic demo district: a believable network around Cao Lãnh with a day's events."""

from ops.demo.scenario import DemoDistrict, generate_demo_district

__all__ = ["DemoDistrict", "generate_demo_district"]
