"""Training scripts (top layer: they may use the evaluation code)."""
