"""CLI commands for claims (registered on the apps in pactwatch.cli.apps)."""
