"""Drafting briefings from raw article text: quotations, speakers and figures."""
