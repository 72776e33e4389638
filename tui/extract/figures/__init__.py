"""Figures: numbers in words or digits, their units, bounds and what they count."""
