"""Every read of the culture module, scoped by the caller (see `filter_visible` and `can`)."""
