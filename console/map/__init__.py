"""The map screen: the web view over the page `maps` builds, and its bridge back to Python."""
