"""What a link carries: the URL contract, the whole view it describes, and named scenarios
with their file, link and shipped presets."""
