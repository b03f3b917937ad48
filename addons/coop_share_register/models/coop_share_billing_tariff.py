# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError

SERVICE_MODES = [("direct", "Coopkracht member"), ("partner", "Via partner organisation")]


class CoopShareBillingTariff(models.Model):
    """The yearly DAR fee Coopkracht charges a client cooperative: a base price plus the
    price of the band its number of shareholders falls in; one tariff per way of service
    (Coopkracht member or via the partner organisation), valid from a year on."""

    _name = "coop.share.billing.tariff"
    _description = "DAR fee tariff"
    _order = "service_mode, year_from desc"

    name = fields.Char(required=True, translate=True)
    service_mode = fields.Selection(selection=SERVICE_MODES, required=True)
    year_from = fields.Integer(string="Valid from year", required=True)
    currency_id = fields.Many2one(
        comodel_name="res.currency", required=True,
        default=lambda self: self.env.ref("base.EUR"))
    base_price = fields.Monetary(currency_field="currency_id", required=True)
    product_id = fields.Many2one(
        comodel_name="product.product", string="Invoiced product", required=True,
        ondelete="restrict",
        default=lambda self: self.env.ref("coop_share_register.product_dar_fee",
                                          raise_if_not_found=False))
    band_ids = fields.One2many(comodel_name="coop.share.billing.band",
                               inverse_name="tariff_id", string="Shareholder bands", copy=True)

    _sql_constraints = [
        ("mode_year_unique", "UNIQUE(service_mode, year_from)",
         "There is one tariff per way of service and starting year."),
        ("base_price_positive", "CHECK(base_price >= 0)", "A price cannot be negative."),
    ]

    @api.constrains("band_ids")
    def _check_bands(self):
        for tariff in self:
            bands = tariff.band_ids.sorted("holders_from")
            for prev, band in zip(bands, bands[1:]):
                if not prev.holders_to or prev.holders_to >= band.holders_from:
                    raise ValidationError(_(
                        "The shareholder bands of %(tariff)s overlap (%(a)s and %(b)s).") % {
                            "tariff": tariff.name, "a": prev.display_name,
                            "b": band.display_name})

    @api.model
    def find(self, service_mode, year):
        """The tariff in force for service_mode in year."""
        tariff = self.search([("service_mode", "=", service_mode), ("year_from", "<=", year)],
                             order="year_from desc", limit=1)
        if not tariff:
            raise UserError(_("There is no DAR tariff for %(mode)s in %(year)s.") % {
                "mode": dict(SERVICE_MODES)[service_mode], "year": year})
        return tariff

    @api.multi
    def price_for(self, holders):
        """(band, base price + band price) for a client with holders shareholders."""
        self.ensure_one()
        for band in self.band_ids.sorted("holders_from"):
            if band.holders_from <= holders and (not band.holders_to
                                                 or holders <= band.holders_to):
                return band, self.base_price + band.price
        raise UserError(_("No shareholder band of tariff %(tariff)s covers %(count)s "
                          "shareholders.") % {"tariff": self.name, "count": holders})
