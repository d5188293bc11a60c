"""The daily brief: merging records across outlets, divergence, novelty, rendering.

Calling the package, `summarizer.brief(records, date=...)`, is `summarizer.api.brief` (see `callable_package`).
"""

from summarizer.callable_package import make_callable

make_callable(__name__)
