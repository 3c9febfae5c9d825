"""A text of the eligibility check that is its bokmål string and gives its other variants.

``LocalText(nb=..., nn=..., en=...)`` is a ``str`` (the bokmål variant, so every caller that
reads it as a string, compares it or formats it keeps working) and a
:class:`veileder.i18n.Tekst` at once: ``X("nn")`` gives the nynorsk variant, ``X.format("en",
name=...)`` the English one filled. The Tekst is made (and checked: all three variants, the same
placeholders) when the module is imported, and lands in ``veileder.i18n.ALL``.
"""
from __future__ import annotations

from typing import Any, Optional

from veileder.i18n import Tekst


class LocalText(str):
    """The bokmål text, callable with a language for its variant (see the module docstring)."""

    tekst: Tekst

    def __new__(cls, nb: str, nn: str, en: str) -> "LocalText":
        obj = super().__new__(cls, nb)
        obj.tekst = Tekst(nb=nb, nn=nn, en=en)
        return obj

    def __call__(self, lang: Optional[str] = None) -> str:
        return self.tekst(lang)

    def format(self, lang: Optional[str] = None, /, **values: Any) -> str:  # type: ignore[override]
        """The variant in ``lang`` (bokmål without one) with its placeholders filled."""
        return self.tekst.format(lang, **values)

    def __reduce__(self):  # copies and pickles are the plain bokmål string
        return (str, (str(self),))
