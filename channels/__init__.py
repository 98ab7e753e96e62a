"""Input channels: the public surface where patients' messages arrive."""
