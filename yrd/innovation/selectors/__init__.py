"""Every read of the innovation module, scoped by the caller."""
