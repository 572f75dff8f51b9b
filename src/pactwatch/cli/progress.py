"""A progress line for ingest runs of more than a few articles (stderr, CLI only)."""

from __future__ import annotations

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

SHOW_AFTER = 5


class IngestProgress:
    def __init__(self, console: Console):
        self.counts = {"stored": 0, "skipped": 0, "failed": 0}
        self.progress = Progress(SpinnerColumn(), TextColumn("{task.description}"),
                                 TimeElapsedColumn(), console=console, transient=True)
        self.task = None

    def __enter__(self) -> IngestProgress:
        return self

    def __exit__(self, *exc) -> None:
        if self.task is not None:
            self.progress.stop()

    def step(self, status: str) -> None:
        self.counts[status] = self.counts.get(status, 0) + 1
        if self.task is None and sum(self.counts.values()) > SHOW_AFTER:
            self.progress.start()
            self.task = self.progress.add_task("")
        if self.task is not None:
            text = ", ".join(f"{n} {k}" for k, n in self.counts.items())
            self.progress.update(self.task, description=f"ingesting: {text}")
