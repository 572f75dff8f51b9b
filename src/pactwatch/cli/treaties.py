"""CLI commands for treaties (registered on the apps in pactwatch.cli.apps)."""
