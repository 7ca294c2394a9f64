"""Every read of the emergency app, scoped by the caller: stock, requests, allocation, readiness."""
