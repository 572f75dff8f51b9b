"""Actors: recognise and normalise states, institutions, militaries, officials and groups."""

from pactwatch.actors.matcher import ActorMatching, actors_in_doc

__all__ = ["ActorMatching", "actors_in_doc"]
