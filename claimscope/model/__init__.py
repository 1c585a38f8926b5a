"""The projection model: expressions parsed by a whitelist, the model object, model.yaml,
and its printers (numpy, JavaScript, LaTeX, words) in `printing/`."""
