"""Streamlit UI pieces. They draw what the core computes and hold no arithmetic."""
