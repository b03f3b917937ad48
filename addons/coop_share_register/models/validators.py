# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of Belgian identifiers, without Odoo imports (usable by the importer too)."""
import re


def digits(value):
    """Only the digits of value ('85.07.30-033.61' -> '85073003361')."""
    return re.sub(r"\D", "", value or "")


def is_valid_national_number(value):
    """Belgian national register number (rijksregisternummer): 11 digits, the last two
    are 97 - (first nine mod 97); for people born from 2000 on, the check is computed
    on '2' followed by the first nine digits."""
    number = digits(value)
    if len(number) != 11:
        return False
    base, check = int(number[:9]), int(number[9:])
    if 97 - base % 97 == check:
        return True
    return 97 - int("2" + number[:9]) % 97 == check


def is_valid_company_number(value):
    """Belgian company (enterprise) number: 10 digits starting with 0 or 1 (a 9-digit
    number gets a leading 0), the last two are 97 - (first eight mod 97)."""
    number = digits(value)
    if len(number) == 9:
        number = "0" + number
    if len(number) != 10 or number[0] not in "01":
        return False
    return 97 - int(number[:8]) % 97 == int(number[8:])


def format_company_number(value):
    """'0403170701' -> '0403.170.701'."""
    number = digits(value)
    if len(number) == 9:
        number = "0" + number
    if len(number) != 10:
        return value
    return "%s.%s.%s" % (number[:4], number[4:7], number[7:])
