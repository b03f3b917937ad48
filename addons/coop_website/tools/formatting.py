# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Numbers, amounts and dates as people in Flanders read them (no Odoo import).

The one home of Belgian Dutch formats: `1.234,56 €`, `15/03/2017` and, in running text,
`15 maart 2017`. The PDF reports get these functions as `format_amount`, `format_date`
and `format_number` (coop_website/models/ir_actions_report.py); `t-field` dates and
monetary fields follow the same formats through the nl_BE language record
(coop_website/data/res_lang_data.xml)."""
import datetime
from decimal import ROUND_HALF_UP, Decimal

THOUSANDS_SEP = "."
DECIMAL_POINT = ","
DATE_FORMAT = "%d/%m/%Y"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")


def share_count(value):
    """A number of shares as a whole number ('-5', not '-5.0'); a fraction, which a
    register never holds, keeps its decimals so that it is not hidden."""
    if value is None:
        return "0"
    number = float(value)
    if number == int(number):
        return str(int(number))
    return ("%.4f" % number).rstrip("0")


def format_number(value, digits=2):
    """`1.234,56`: thousands grouped by a dot, a decimal comma, rounded half away from
    zero to `digits` decimals (0.005 -> 0,01, also where the float is 0.00499...).
    None (no value) gives an empty string."""
    if value is None or value is False:
        return ""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    if number == 0:
        number = abs(number)  # no "-0,00"
    sign = "-" if number < 0 else ""
    text = "%.*f" % (digits, abs(number))
    whole, _dot, decimals = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + THOUSANDS_SEP.join(groups)
    if digits > 0:
        result += DECIMAL_POINT + decimals
    return result


def format_amount(value, symbol="€", digits=2):
    """`1.234,56 €`: an amount with its currency symbol after it (a non-breaking space
    keeps them on one line). None gives an empty string."""
    number = format_number(value, digits=digits)
    if not number or not symbol:
        return number
    return "%s\N{NO-BREAK SPACE}%s" % (number, symbol)


def _to_date(value):
    if not value:
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    # Odoo 11 stores dates as 'YYYY-MM-DD' and datetimes as 'YYYY-MM-DD HH:MM:SS'
    return datetime.datetime.strptime(str(value)[:10], "%Y-%m-%d").date()


def format_date(value, long=False):
    """`15/03/2017`, or `15 maart 2017` with long=True (running text). Takes a date, a
    datetime (its date; convert it to the reader's time zone first) or Odoo's string
    form; no value gives an empty string."""
    day = _to_date(value)
    if day is None:
        return ""
    if long:
        return "%d %s %d" % (day.day, MONTHS[day.month - 1], day.year)
    return "%02d/%02d/%04d" % (day.day, day.month, day.year)
