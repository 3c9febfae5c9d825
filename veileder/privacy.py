"""Masking of personal data before anything a user typed is stored.

``mask_personal_data(text)`` replaces, in this order:

- e-mail addresses with ``[e-post]``;
- national identity numbers (fødselsnummer, D-numbers) and bank account numbers with
  ``[nummer]``: 11 digits written together, as 6+5 ("010170 12345", "010170-12345"), as a
  date and five digits ("01.01.70 12345") or as 4+2+5 ("1234.56.78903", "1234 56 78903"), with
  space, hyphen or dot between the groups. A number is masked when
  :mod:`stdnum.no.fodselsnummer` or :mod:`stdnum.no.kontonr` says it is valid. A mistyped
  identity number is still one, so 11 digits written together, and 6+5 digits whose first six
  are a birth date (DDMMYY, D- and H-numbers too), are masked even with a wrong check digit;
  the other groupings (a date with dots, 4.2.5) only when valid, so dates, times and amounts
  written in groups stay;
- Norwegian phone numbers (8 digits, first digit 2–9) with ``[telefon]``: 912 34 567,
  91 23 45 67, 912-34-567, 91-23-45-67, 91234567, and any grouping after +47 or 0047. Eight
  digits written together that form a date (20270416, 16042027) stay, and so does a number
  followed or preceded by a currency ("75000000 kroner", "kr 40 00 00 00").

Organisation numbers (9 digits, "974 760 673", "974760673") are public and stay: the
eligibility check needs them. So do dates ("16.04.2027", "2027-04-16"), years and amounts
("75 millioner", "75 000 000 kroner").

``mask_value(value)`` does the same to every string in a value (slot values: strings, lists of
strings, dicts). Both are idempotent: masking a masked text changes nothing.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from stdnum.no import fodselsnummer, kontonr

EMAIL = "[e-post]"
NUMBER = "[nummer]"
PHONE = "[telefon]"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

# not glued to a digit before it, nor to a digit and one separator ("1 234 ...", "1.234...")
_NO_DIGIT_BEFORE = r"(?<!\d)(?<!\d[ .,-])"
_NO_DIGIT_AFTER = r"(?![ .,-]?\d)"

_ELEVEN = re.compile(
    _NO_DIGIT_BEFORE + r"(?:"
    r"(?P<solid>\d{11})"
    r"|(?P<six>\d{6})[ -]\d{5}"                # fødselsnummer 6+5
    r"|\d{6}[.]\d{5}"                          # 6.5: only when valid
    r"|\d{2}(?P<d>[.-])\d{2}(?P=d)\d{2}[ .-]?\d{5}"   # fødselsnummer as date + 5
    r"|\d{4}(?P<a>[ .-])\d{2}(?P=a)\d{5}"             # account number 4.2.5
    r")" + _NO_DIGIT_AFTER)

_PHONE = re.compile(
    _NO_DIGIT_BEFORE + r"(?:"
    r"(?P<country>(?:\+|00)[ ]?47[ -]?)(?:\d[ -]?){7}\d"   # +47 / 0047 and any grouping
    r"|[2-9]\d{2}(?P<s>[ -])\d{2}(?P=s)\d{3}"             # 912 34 567
    r"|[2-9]\d(?P<t>[ -])\d{2}(?P=t)\d{2}(?P=t)\d{2}"     # 91 23 45 67
    r"|(?P<solid>[2-9]\d{7})"                             # 91234567
    r")" + _NO_DIGIT_AFTER)

_CURRENCY_AFTER = re.compile(r"\s*(?:kr\b|kr\.|kroner|nok\b|,-|mill|mrd|milliard|%|prosent)",
                             re.IGNORECASE)
_CURRENCY_BEFORE = re.compile(r"(?:\bkr\.?|\bnok)\s*$", re.IGNORECASE)


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _is_date(digits: str) -> bool:
    """Eight digits that read as YYYYMMDD or DDMMYYYY (years 1900–2099)."""
    for year, month, day in ((digits[:4], digits[4:6], digits[6:]),
                             (digits[4:], digits[2:4], digits[:2])):
        if year[:2] in ("19", "20"):
            try:
                date(int(year), int(month), int(day))
                return True
            except ValueError:
                continue
    return False


def _birth_date_like(six: str) -> bool:
    """DDMMYY, with a D-number's day + 40 and an H-number's (or test number's) month + 40
    (+ 80)."""
    day, month = int(six[:2]), int(six[2:4])
    day -= 40 if day > 40 else 0
    month -= 80 if month > 80 else 40 if month > 40 else 0
    try:
        date(2000, month, day)  # a leap year: 29 February is a birth date
        return True
    except ValueError:
        return False


def _eleven(match: "re.Match[str]") -> str:
    digits = _digits(match.group(0))
    if match.group("solid") or (match.group("six") and _birth_date_like(match.group("six"))) \
            or fodselsnummer.is_valid(digits) or kontonr.is_valid(digits):
        return NUMBER
    return match.group(0)


def _phone(match: "re.Match[str]") -> str:
    text = match.string
    if not match.group("country"):
        if _CURRENCY_AFTER.match(text, match.end()) or \
                _CURRENCY_BEFORE.search(text, 0, match.start()):
            return match.group(0)
        if match.group("solid") and _is_date(match.group("solid")):
            return match.group(0)
    return PHONE


def mask_personal_data(text: str) -> str:
    """``text`` with e-mail addresses, identity, account and phone numbers replaced by
    ``[e-post]``, ``[nummer]`` and ``[telefon]``."""
    if not text:
        return text
    text = _EMAIL.sub(EMAIL, text)
    text = _ELEVEN.sub(_eleven, text)
    return _PHONE.sub(_phone, text)


def mask_value(value: Any) -> Any:
    """Every string in ``value`` masked (strings, lists, tuples, dict values); other values as
    they are."""
    if isinstance(value, str):
        return mask_personal_data(value)
    if isinstance(value, list):
        return [mask_value(v) for v in value]
    if isinstance(value, tuple):
        return tuple(mask_value(v) for v in value)
    if isinstance(value, dict):
        return {k: mask_value(v) for k, v in value.items()}
    return value
