"""Scoring extraction against hand-labelled gold: dataset, solver, scorer, statistics, reports."""
