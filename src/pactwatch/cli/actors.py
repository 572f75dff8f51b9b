"""CLI commands for actors (registered on the apps in pactwatch.cli.apps)."""
