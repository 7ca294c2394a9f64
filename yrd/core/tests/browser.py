"""What every browser test shares: Debian's chromium, started so that it makes no outside
connections (the machines have no internet; Playwright's own browser download fails here)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
