"""CLI commands for events (registered on the apps in pactwatch.cli.apps)."""
