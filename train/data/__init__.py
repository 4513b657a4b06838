"""The training data: the synthetic generator, its per-language pools, and importers of other formats."""
