"""`override` without importing typing_extensions at run time (~5-20 ms, and read before the
first paint of the main window and of the prompt): the checker sees the real decorator, the
program a decorator that returns the method as it is."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

__all__ = ["override"]

if sys.version_info >= (3, 12):
    from typing import override
elif TYPE_CHECKING:
    from typing_extensions import override
else:

    def override(method: Any) -> Any:
        return method
