# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""E-mail addresses and web addresses typed by users (no Odoo import).

An e-mail address never proves who someone is on this platform (see SECURITY.md); it is
only compared, exactly, after normalisation: `normalise_email`. A web address a user
enters is only kept and rendered when it is http(s): `is_web_url`, `safe_web_url`."""
from urllib.parse import urlsplit


def normalise_email(email):
    """The form in which two addresses are compared: trimmed, lower case ('' for none).
    In SQL the same is `lower(btrim(column)) = %s` with this as the parameter: no LIKE,
    so '%' and '_' are ordinary characters."""
    return (email or "").strip().lower()


def is_web_url(url):
    """True for an absolute http:// or https:// address with a host and without spaces,
    quotes or angle brackets; javascript:, data:, relative and protocol-less addresses
    are not web addresses."""
    if not url or any(ord(char) < 33 or char in '"<>\\`' for char in url.strip()):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def safe_web_url(url):
    """url when it may be rendered as a link, else None."""
    return url.strip() if is_web_url(url) else None
