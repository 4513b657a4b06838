"""Built-in tool implementations: weather, clock, images."""
