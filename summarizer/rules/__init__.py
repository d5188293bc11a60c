"""The rule-based extractor, a provider like any other."""
