# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import itertools

from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError


class CoopEventPairing(models.Model):
    """One table of one round of a Soirée's one-on-one conversations."""

    _name = "coop.event.pairing"
    _description = "Soirée conversation (table in a round)"
    _order = "event_id, round, table_number"

    event_id = fields.Many2one(comodel_name="event.event", required=True, ondelete="cascade",
                               index=True)
    round = fields.Integer(required=True)
    table_number = fields.Integer(string="Table", required=True)
    registration_ids = fields.Many2many(
        comodel_name="event.registration", relation="coop_event_pairing_registration_rel",
        column1="pairing_id", column2="registration_id", string="Participants")
    question_ids = fields.Many2many(comodel_name="coop.event.question", string="Questions")
    partner_ids = fields.Many2many(comodel_name="res.partner", string="Contacts",
                                   compute="_compute_partner_ids", store=True,
                                   relation="coop_event_pairing_partner_rel")
    participant_names = fields.Char(compute="_compute_participant_names")

    _sql_constraints = [
        ("table_uniq", "unique(event_id, round, table_number)", "This table already exists in this round."),
        ("round_positive", "CHECK(round > 0 AND table_number > 0)", "Rounds and tables start at 1."),
    ]

    @api.depends("registration_ids.partner_id")
    def _compute_partner_ids(self):
        for pairing in self:
            pairing.partner_ids = pairing.registration_ids.mapped("partner_id")

    def _compute_participant_names(self):
        for pairing in self:
            pairing.participant_names = " – ".join(pairing.registration_ids.mapped(
                lambda r: r.coop_org_id and "%s (%s)" % (r.name, r.coop_org_id.name) or r.name))

    @api.multi
    def name_get(self):
        return [(p.id, _("%(event)s, round %(round)d, table %(table)d") % {
            "event": p.event_id.name, "round": p.round, "table": p.table_number}) for p in self]

    @api.multi
    def coop_swap(self, mine, theirs):
        """Swap `mine` (at this table) with `theirs` (at another table of the same round):
        the hand adjustment staff makes; the rules are checked once both tables changed."""
        self.ensure_one()
        other = self.search([("event_id", "=", self.event_id.id), ("round", "=", self.round),
                             ("registration_ids", "in", theirs.ids), ("id", "!=", self.id)])
        if mine not in self.registration_ids or len(other) != 1:
            raise UserError(_("Choose one participant of this table and one of another table "
                              "in the same round."))
        unchecked = self.with_context(coop_pairing_unchecked=True)
        unchecked.write({"registration_ids": [(3, mine.id), (4, theirs.id)]})
        other.with_context(coop_pairing_unchecked=True).write(
            {"registration_ids": [(3, theirs.id), (4, mine.id)]})
        (self | other)._check_participants()
        return True

    @api.constrains("registration_ids", "event_id", "round")
    def _check_participants(self):
        """Hand-made changes keep the rules: 2 or 3 people of this event, of different
        organisations, nobody twice in a round, no pair twice in an evening."""
        if self.env.context.get("coop_pairing_unchecked"):
            return
        for pairing in self:
            people = pairing.registration_ids
            if not 2 <= len(people) <= 3:
                raise ValidationError(_("A conversation has two participants (three at most)."))
            if people.filtered(lambda r: r.event_id != pairing.event_id):
                raise ValidationError(_("A conversation only has participants of its own event."))
            orgs = [r.coop_org_id.id for r in people if r.coop_org_id]
            if len(orgs) != len(set(orgs)):
                raise ValidationError(_(
                    "Two participants of the same organisation cannot have a conversation "
                    "together."))
            others = self.search([("event_id", "=", pairing.event_id.id),
                                  ("id", "!=", pairing.id)])
            if others.filtered(lambda o: o.round == pairing.round and
                               o.registration_ids & people):
                raise ValidationError(_("A participant sits at two tables in round %d.")
                                      % pairing.round)
            pairs = {frozenset(p) for p in itertools.combinations(people.ids, 2)}
            for other in others:
                if pairs & {frozenset(p) for p in itertools.combinations(
                        other.registration_ids.ids, 2)}:
                    raise ValidationError(_(
                        "These two participants already talk to each other in round %d.")
                        % other.round)
