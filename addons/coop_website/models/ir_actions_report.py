# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""PDF reports with a wkhtmltopdf built without patched Qt (Debian's package).

Such a build converts one input document per run and prints no HTML header or
footer. Odoo 11 passes all the records of a print as separate input documents in one
run and accepts the exit code 1 of such a failure, so printing several records gave
an empty PDF without an error. Here each record is converted on its own, the
documents are put together, every page gets its number ("2 / 3", counted per record,
where the layout's footer would have printed it) and each record's first page is a
named destination, which Odoo uses to store a PDF per record (attachment_use)."""
import io

from PyPDF2 import PdfReader, PdfWriter
from PyPDF2.generic import ArrayObject, DictionaryObject, NameObject, NullObject, NumberObject
from reportlab.lib.colors import Color
from reportlab.pdfgen import canvas

from odoo import api, models

from ..tools import formatting
from .res_company import wkhtmltopdf_has_patched_qt

PAGE_NUMBER_MARGIN = 22  # points from the bottom and the right edge (about 8 mm)


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    @api.model
    def render_template(self, template, values=None):
        """Every report prints the values that are no field (t-esc) in Belgian Dutch
        formats: format_amount(1234.56) -> 1.234,56 €, format_date(d) -> 15/03/2017,
        format_date(d, long=True) -> 15 maart 2017, format_number(x, digits)."""
        values = dict(values or {})
        values.setdefault("format_amount", formatting.format_amount)
        values.setdefault("format_date", formatting.format_date)
        values.setdefault("format_number", formatting.format_number)
        values.setdefault("format_shares", formatting.share_count)
        return super().render_template(template, values)

    @api.model
    def _run_wkhtmltopdf(self, bodies, header=None, footer=None, landscape=False,
                         specific_paperformat_args=None, set_viewport_size=False):
        if wkhtmltopdf_has_patched_qt():
            return super()._run_wkhtmltopdf(
                bodies, header=header, footer=footer, landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size)
        documents = [
            super(IrActionsReport, self)._run_wkhtmltopdf(
                [body], landscape=landscape,
                specific_paperformat_args=specific_paperformat_args,
                set_viewport_size=set_viewport_size)
            for body in bodies]
        return self._coop_join_documents(documents)

    @api.model
    def _coop_join_documents(self, documents):
        """One PDF of the documents, each page numbered within its document, and a
        named destination on the first page of each document."""
        writer = PdfWriter()
        destinations = DictionaryObject()
        readers = []
        for index, content in enumerate(documents):
            reader = PdfReader(io.BytesIO(content))
            readers.append(reader)  # pages refer to their reader's stream until written
            first = len(writer.pages)
            total = len(reader.pages)
            for number, page in enumerate(reader.pages, 1):
                page.merge_page(self._coop_page_number(page, number, total))
                writer.add_page(page)
            destinations[NameObject("/coop_document_%d" % index)] = ArrayObject([
                NumberObject(first), NameObject("/XYZ"), NullObject(), NullObject(), NullObject()])
        if documents:
            writer._root_object[NameObject("/Dests")] = destinations
        result = io.BytesIO()
        writer.write(result)
        return result.getvalue()

    @api.model
    def _coop_page_number(self, page, number, total):
        """A transparent page of the same size with 'number / total' at the bottom right."""
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        stream = io.BytesIO()
        stamp = canvas.Canvas(stream, pagesize=(width, height))
        stamp.setFont("Helvetica", 8)
        stamp.setFillColor(Color(0.35, 0.35, 0.35))
        stamp.drawRightString(width - PAGE_NUMBER_MARGIN, PAGE_NUMBER_MARGIN,
                              "%d / %d" % (number, total))
        stamp.save()
        return PdfReader(io.BytesIO(stream.getvalue())).pages[0]
