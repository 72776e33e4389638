"""Quotations: their spans in the text and the grammar that attributes them."""
