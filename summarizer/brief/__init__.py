"""The daily brief: merging records across outlets, divergence, novelty, rendering.

The package is also callable, as `summarizer.brief(records, date=...)` (`summarizer.api.brief`):
`summarizer.brief` names this package for whoever imported one of its modules first.
"""

from __future__ import annotations

import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from summarizer.api import brief

        return brief(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
