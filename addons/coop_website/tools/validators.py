# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Belgian identifiers, checked and normalised in one place (no Odoo import, so the
importer and the upgrade scripts use them too), on python-stdnum where it has them:

- company number (ondernemingsnummer, KBO/BCE): ``stdnum.be.vat`` plus the rule that
  it starts with 0 or 1; stored as ``0403.170.701``;
- national number (rijksregisternummer): mod 97, with the rule for people born from
  2000 on (python-stdnum 1.8.1 has no module for it); stored as 11 digits;
- IBAN: ``stdnum.iban``; stored compact and upper case (``BE68539007547034``);
- structured communication (OGM/VCS): mod 97 (not in python-stdnum 1.8.1);
  written ``+++123/4567/89002+++``.

Every ``normalise_*`` returns None for an empty or invalid value; every ``is_valid_*``
returns a bool."""
import re

from stdnum import iban as std_iban
from stdnum.be import vat as std_be_vat
from stdnum.exceptions import ValidationError
from stdnum.util import clean

SEPARATORS = " -./"


def digits(value):
    """Only the digits of value ('85.07.30-033.61' -> '85073003361')."""
    return re.sub(r"\D", "", value or "")


def _mod97_check(base):
    """The two check digits of Belgian numbers: 97 - (base mod 97)."""
    return 97 - int(base) % 97


# company number (KBO / BCE) ---------------------------------------------------------

def compact_company_number(value):
    """The 10 digits of a valid company number ('BE 403.170.701' -> '0403170701'),
    or None."""
    if not value:
        return None
    try:
        number = std_be_vat.validate(value)
    except ValidationError:
        return None
    return number if number[0] in "01" else None


def is_valid_company_number(value):
    return bool(compact_company_number(value))


def normalise_company_number(value):
    """A valid company number as 0403.170.701, or None."""
    number = compact_company_number(value)
    if not number:
        return None
    return "%s.%s.%s" % (number[:4], number[4:7], number[7:])


def complete_company_number(first8):
    """The company number (0403.170.701) whose first eight digits are first8 (demo data)."""
    return normalise_company_number("%s%02d" % (first8, _mod97_check(first8)))


def format_company_number(value):
    """value as 0403.170.701 when it is a valid company number, else unchanged (so that
    a constraint can name what was typed)."""
    return normalise_company_number(value) or value


# national number (rijksregisternummer) ---------------------------------------------

def compact_national_number(value):
    """The 11 digits of a valid national number ('85.07.30-033.28' -> '85073003328'),
    or None. The check digits are 97 - (first nine mod 97); for people born from 2000
    on they are computed on '2' followed by the first nine digits."""
    if not value:
        return None
    try:
        number = clean(value, SEPARATORS).strip()
    except ValidationError:
        return None
    if len(number) != 11 or not number.isdigit():
        return None
    check = int(number[9:])
    if check in (_mod97_check(number[:9]), _mod97_check("2" + number[:9])):
        return number
    return None


def is_valid_national_number(value):
    return bool(compact_national_number(value))


def normalise_national_number(value):
    """A valid national number as 11 digits, or None."""
    return compact_national_number(value)


# IBAN ---------------------------------------------------------------------------------

def normalise_iban(value):
    """A valid IBAN, compact and upper case ('be68 5390 0754 7034' -> 'BE68539007547034'),
    or None."""
    if not value:
        return None
    try:
        return std_iban.validate(value)
    except ValidationError:
        return None


def is_valid_iban(value):
    return bool(normalise_iban(value))


def format_iban(value):
    """An IBAN in groups of four ('BE68 5390 0754 7034'); an invalid one unchanged."""
    number = normalise_iban(value)
    return std_iban.format(number) if number else value


# structured communication (OGM / VCS) ----------------------------------------------

def structured_communication(number):
    """The structured communication of a number below 10**10: +++ddd/dddd/ddddd+++
    where the last two digits are the first ten mod 97 (97 when that is 0)."""
    base = "%010d" % (int(number) % 10 ** 10)
    full = "%s%02d" % (base, int(base) % 97 or 97)
    return "+++%s/%s/%s+++" % (full[:3], full[3:7], full[7:])


def normalise_structured_communication(value):
    """A valid structured communication written +++123/4567/89002+++ (typed with
    +++ or ***, slashes, spaces or dots, or as 12 digits), or None."""
    if not value:
        return None
    try:
        number = clean(value, SEPARATORS + "+*").strip()
    except ValidationError:
        return None
    if len(number) != 12 or not number.isdigit():
        return None
    if (int(number[:10]) % 97 or 97) != int(number[10:]):
        return None
    return structured_communication(number[:10])


def is_valid_structured_communication(value):
    return bool(normalise_structured_communication(value))
