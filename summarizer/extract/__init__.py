"""From an article to a grounded record: drafts, the pipeline, grounding, batches, output."""
