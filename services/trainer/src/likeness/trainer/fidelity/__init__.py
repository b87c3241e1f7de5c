"""Persona fidelity (issue 12): how much a model sounds like the person, and how much it copies.

The model-free pieces of a model's report card are ``metrics`` (distinct-n, length statistics,
near-duplicates of training posts), ``judge`` (the style judge that attributes texts to the
persona, and the rule for when to trust it) and ``plots`` (the card's PNG figures).
"""
