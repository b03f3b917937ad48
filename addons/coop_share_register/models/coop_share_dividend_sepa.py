# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""SEPA credit transfer files (ISO 20022 pain.001.001.03), without Odoo models: the
builder and the schema check used by the dividend runs."""
import re
import unicodedata
from decimal import Decimal

from lxml import etree

from odoo.modules.module import get_resource_path

PAIN_NS = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"
_SCHEMA = []


def pain_schema():
    """The official pain.001.001.03 schema (shipped in data/xsd), parsed once."""
    if not _SCHEMA:
        path = get_resource_path("coop_share_register", "data", "xsd", "pain.001.001.03.xsd")
        with open(path, "rb") as handle:
            _SCHEMA.append(etree.XMLSchema(etree.parse(handle)))
    return _SCHEMA[0]


def schema_errors(xml_bytes):
    """The schema errors of a pain.001.001.03 document (an empty list when valid)."""
    try:
        doc = etree.fromstring(xml_bytes)
    except etree.XMLSyntaxError as err:
        return [str(err)]
    schema = pain_schema()
    if schema.validate(doc):
        return []
    return ["line %s: %s" % (e.line, e.message) for e in schema.error_log]


def sepa_text(value, size):
    """value in the SEPA character set (Latin letters, digits, / - ? : ( ) . , ' + and
    space), accents removed, at most size characters."""
    text = unicodedata.normalize("NFKD", value or "").encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9/\-?:().,'+ ]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return text[:size] or "-"


def amount_text(value):
    return "%.2f" % Decimal(str(value)).quantize(Decimal("0.01"))


def build_credit_transfer(header, payments):
    """The pain.001.001.03 document (bytes) of one batch of credit transfers.

    header: dict with msg_id, created (ISO datetime), execution_date (ISO date),
    debtor_name, debtor_iban, debtor_bic (or empty), currency, batch_id.
    payments: list of dicts with end_to_end_id, amount, name, iban, remittance."""
    total = sum(Decimal(amount_text(p["amount"])) for p in payments)

    def sub(parent, tag, text=None, **attrib):
        node = etree.SubElement(parent, "{%s}%s" % (PAIN_NS, tag), **attrib)
        if text is not None:
            node.text = text
        return node

    root = etree.Element("{%s}Document" % PAIN_NS, nsmap={None: PAIN_NS})
    init = sub(root, "CstmrCdtTrfInitn")
    grp = sub(init, "GrpHdr")
    sub(grp, "MsgId", sepa_text(header["msg_id"], 35))
    sub(grp, "CreDtTm", header["created"])
    sub(grp, "NbOfTxs", str(len(payments)))
    sub(grp, "CtrlSum", amount_text(total))
    sub(sub(grp, "InitgPty"), "Nm", sepa_text(header["debtor_name"], 70))
    pmt = sub(init, "PmtInf")
    sub(pmt, "PmtInfId", sepa_text(header["batch_id"], 35))
    sub(pmt, "PmtMtd", "TRF")
    sub(pmt, "BtchBookg", "true")
    sub(pmt, "NbOfTxs", str(len(payments)))
    sub(pmt, "CtrlSum", amount_text(total))
    sub(sub(sub(pmt, "PmtTpInf"), "SvcLvl"), "Cd", "SEPA")
    sub(pmt, "ReqdExctnDt", header["execution_date"])
    sub(sub(pmt, "Dbtr"), "Nm", sepa_text(header["debtor_name"], 70))
    sub(sub(sub(pmt, "DbtrAcct"), "Id"), "IBAN", header["debtor_iban"])
    agent = sub(sub(pmt, "DbtrAgt"), "FinInstnId")
    if header.get("debtor_bic"):
        sub(agent, "BIC", header["debtor_bic"])
    else:
        sub(sub(agent, "Othr"), "Id", "NOTPROVIDED")
    sub(pmt, "ChrgBr", "SLEV")
    for payment in payments:
        tx = sub(pmt, "CdtTrfTxInf")
        sub(sub(tx, "PmtId"), "EndToEndId", sepa_text(payment["end_to_end_id"], 35))
        sub(sub(tx, "Amt"), "InstdAmt", amount_text(payment["amount"]),
            Ccy=header["currency"])
        sub(sub(tx, "Cdtr"), "Nm", sepa_text(payment["name"], 70))
        sub(sub(sub(tx, "CdtrAcct"), "Id"), "IBAN", payment["iban"])
        sub(sub(tx, "RmtInf"), "Ustrd", sepa_text(payment["remittance"], 140))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def read_totals(xml_bytes):
    """(number of transactions, control sum, sum of the instructed amounts) as written in
    a pain.001 document: the control figures of the group header and the real sum."""
    doc = etree.fromstring(xml_bytes)
    ns = {"p": PAIN_NS}
    count = int(doc.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:NbOfTxs", namespaces=ns))
    ctrl = Decimal(doc.findtext("p:CstmrCdtTrfInitn/p:GrpHdr/p:CtrlSum", namespaces=ns))
    amounts = sum((Decimal(a.text) for a in doc.iterfind(".//p:InstdAmt", namespaces=ns)),
                  Decimal("0"))
    return count, ctrl, amounts
