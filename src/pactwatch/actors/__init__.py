"""Actors: recognise and normalise states, institutions, militaries, officials and groups."""

from pactwatch.actors.matcher import find_actors

__all__ = ["find_actors"]
