"""Context pages' arithmetic: the sample behind a headline figure, estimates over time,
membership and commitments."""
