"""The treaties stage (placeholder until its issue is built: adds nothing)."""

from pactwatch.config import Config
from pactwatch.pipeline import StageSpec


def make_stage(config: Config):
    def run(ctx):
        return ctx

    return run


STAGE = StageSpec(
    name="pactwatch.treaties.v1",
    needs=('actors', 'times'),
    adds=("treaties",),
    factory=make_stage,
    doc="placeholder",
)
