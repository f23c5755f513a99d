"""One module per rule file: `NAME.py` holds the model of `rules/NAME.toml`."""
