"""The actors stage (placeholder until its issue is built: adds nothing)."""

from pactwatch.config import Config
from pactwatch.pipeline import StageSpec


def make_stage(config: Config):
    def run(ctx):
        return ctx

    return run


STAGE = StageSpec(
    name="pactwatch.actors.v1",
    needs=('doc',),
    adds=("actors",),
    factory=make_stage,
    doc="placeholder",
)
