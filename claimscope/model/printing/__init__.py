"""Printers of the model's expressions: each target generated from the one expression;
printers depend on the model, never the reverse."""
