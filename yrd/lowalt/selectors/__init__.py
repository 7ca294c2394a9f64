"""Every read of the low-altitude module, scoped by the caller."""
