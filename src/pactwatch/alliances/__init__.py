"""Alliance registry and reasoning: ATOP/COW reference data, directed obligations, proofs."""
