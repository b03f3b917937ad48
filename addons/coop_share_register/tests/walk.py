# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""What a portal holder can reach of the addon over XML-RPC: its models and the public
methods they define (issue 15.3). Shared by the ORM walk and the live XML-RPC walk."""
import base64
import inspect
import io
import zipfile

from odoo import fields

MODULE = "coop_share_register"
# public methods that are no entry point for data: DDL of the addon's tables, and the
# ORM's own CRUD (walked separately)
SKIP_METHODS = {"init", "create", "write", "unlink", "copy", "default_get", "name_get",
                "name_search", "read", "search", "search_read", "fields_get", "read_group",
                "message_post", "message_get_default_recipients"}


def addon_models(env):
    """Every model the addon defines or extends (from its Python classes)."""
    names = []
    for name in sorted(env.registry):
        classes = type(env[name]).__mro__
        if any(getattr(cls, "_module", None) == MODULE for cls in classes):
            names.append(name)
    return names


def addon_methods(model):
    """{name: function} of the public methods the addon's classes define on model."""
    methods = {}
    for cls in reversed(type(model).__mro__):
        if getattr(cls, "_module", None) != MODULE:
            continue
        for attr, value in vars(cls).items():
            if attr.startswith("_") or attr in SKIP_METHODS or isinstance(value, fields.Field):
                continue
            if isinstance(value, (staticmethod, classmethod)):
                continue
            if callable(value):
                methods[attr] = value
    return methods


def call_arguments(function, values):
    """Positional arguments for function: its required parameters filled from values
    ({parameter name: value}, None for unknown ones); None when it takes **kwargs only."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return []
    args = []
    for index, param in enumerate(signature.parameters.values()):
        if index == 0 or param.kind in (param.VAR_POSITIONAL, param.VAR_KEYWORD):
            continue
        if param.default is not param.empty and param.name not in values:
            continue
        args.append(values.get(param.name))
    return args


def inspect_names(function):
    """The names of function's required parameters (after self), for XML-RPC calls."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return []
    return [param.name for index, param in enumerate(signature.parameters.values())
            if index and param.kind not in (param.VAR_POSITIONAL, param.VAR_KEYWORD)
            and param.default is param.empty]


def flatten(result):
    """The text of a result, with XLSX/ZIP contents (raw or base64) unpacked."""
    chunks = []

    def walk(value):
        if isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, (list, tuple, set)):
            for item in value:
                walk(item)
        elif isinstance(value, (bytes, bytearray)) or (isinstance(value, str) and
                                                       value[:4] in ("UEsD", "PK\x03\x04")):
            data = bytes(value) if not isinstance(value, str) else None
            if data is None:
                try:
                    data = base64.b64decode(value)
                except Exception:  # pylint: disable=broad-except
                    data = value.encode()
            if data[:2] == b"PK":
                with zipfile.ZipFile(io.BytesIO(data)) as archive:
                    for member in archive.namelist():
                        chunks.append(archive.read(member).decode("utf-8", "replace"))
            else:
                chunks.append(data.decode("utf-8", "replace"))
        elif hasattr(value, "_name") and hasattr(value, "ids"):
            chunks.append("%s%s" % (value._name, value.ids))
            for record in value.sudo():
                chunks.append(record.display_name or "")
        else:
            chunks.append(str(value))

    walk(result)
    return "\n".join(chunks)


def leaks(result, secrets):
    """The secrets (strings) found in result."""
    text = flatten(result)
    return [secret for secret in secrets if secret in text]
