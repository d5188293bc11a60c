"""A subpackage that is also the API function of the same name: `summarizer.extract(...)`, `summarizer.brief(...)`.

`summarizer.extract` and `summarizer.brief` name subpackages, and Python binds a
subpackage to its parent's attribute when it is first imported, so a function of
that name in `summarizer/__init__.py` would be replaced by whichever import came
first. The package itself is made callable instead: it stays the package for every
import and patch, and a call runs the function in `summarizer.api`.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any


class _CallablePackage(types.ModuleType):
    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        function = getattr(importlib.import_module("summarizer.api"), self.__name__.rsplit(".", 1)[1])
        return function(*args, **kwargs)


def make_callable(name: str) -> None:
    """Make the package `name` (from its own `__init__`) call `summarizer.api.<last part of name>`."""
    sys.modules[name].__class__ = _CallablePackage
