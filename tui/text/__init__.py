"""Text helpers every layer shares: inert one-line text, terminal cell widths, counts."""
