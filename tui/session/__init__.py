"""A set of briefings at work: loaded, watched for changes, cached and searched; Textual-free."""
