"""Masking of personal data before a conversation is stored.

Organisation numbers (9 digits) are public and stay: the eligibility check needs them.
"""
from __future__ import annotations

import re

_PATTERNS = (
    # e-mail addresses
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-post]"),
    # national identity numbers (fødselsnummer, 11 digits, optionally 6+5) and
    # account numbers (11 digits, often 4.2.5)
    (re.compile(r"(?<!\d)\d{4}[ .]?\d{2}[ .]?\d{5}(?!\d)"), "[nummer]"),
    (re.compile(r"(?<!\d)\d{6}[ ]?\d{5}(?!\d)"), "[nummer]"),
    # phone numbers: Norwegian 8 digits (with or without +47/0047, spaces in groups)
    (re.compile(r"(?:(?:\+|00)47[ ]?)?(?<!\d)(?:\d{2}[ ]?){3}\d{2}(?!\d)"), "[telefon]"),
    (re.compile(r"(?<!\d)\d{3}[ ]\d{2}[ ]\d{3}(?!\d)"), "[telefon]"),
)


def mask_personal_data(text: str) -> str:
    """Replace e-mail addresses, phone, identity and account numbers with placeholders."""
    for pattern, placeholder in _PATTERNS:
        text = pattern.sub(placeholder, text)
    return text
