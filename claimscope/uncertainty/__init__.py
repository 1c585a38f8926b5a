"""Ranges, distributions, correlations and the Monte Carlo built on them."""
