"""From an article to a grounded record: drafts, the pipeline, grounding, batches, output.

Calling the package, `summarizer.extract(article, ...)`, is `summarizer.api.extract` (see `callable_package`).
"""

from summarizer.callable_package import make_callable

make_callable(__name__)
