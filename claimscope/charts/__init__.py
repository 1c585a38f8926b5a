"""Figures as pure functions: plain data in, a `Chart` (plotly figure + its data) out."""
