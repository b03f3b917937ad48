# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of an uploaded file before anything parses it (no Odoo import).

The size limit is a setting (`coop_website.upload_limit_mb`, 20 MB by default, see
`ir.config_parameter` and the settings of Coopkracht). XLSX, ODS and DOCX files are ZIP
archives: a "zip bomb" of a few kilobytes unpacks to gigabytes inside the parser. It is
refused from the archive's own directory, without unpacking: by the ratio of unpacked to
packed size, and by the total unpacked size."""
import io
import zipfile

DEFAULT_LIMIT_MB = 20
MAX_RATIO = 100  # real spreadsheets pack 5-20 times; bombs pack thousands of times
MAX_UNPACKED_FACTOR = 10  # never more than 10 times the upload limit once unpacked


class UploadRefused(ValueError):
    """The upload may not be parsed; args[0] is the reason's key, args[1] its values."""


def check_upload(content, limit_mb=DEFAULT_LIMIT_MB):
    """Raise UploadRefused when content (bytes) is over the limit or is a ZIP archive
    (XLSX...) that unpacks out of proportion; return content otherwise."""
    limit = int(limit_mb * 1024 * 1024)
    if len(content) > limit:
        raise UploadRefused("too_large", {"size_mb": len(content) / 1048576.0,
                                          "limit_mb": limit_mb})
    if content[:4] != b"PK\x03\x04":
        return content
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise UploadRefused("damaged", {})
    unpacked = sum(member.file_size for member in members)
    packed = max(sum(member.compress_size for member in members), 1)
    if unpacked > limit * MAX_UNPACKED_FACTOR or unpacked / packed > MAX_RATIO:
        raise UploadRefused("bomb", {"ratio": unpacked / packed,
                                     "unpacked_mb": unpacked / 1048576.0})
    return content
