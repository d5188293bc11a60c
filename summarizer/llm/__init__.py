"""Talking to models: the provider protocol and registry, HTTP transport, cache, budgets, prompts."""
