# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Demo data only: the vacancy bank's year 2021 as the annual report tells it (88
vacancies posted by 28 member organisations and 6 non-members, 829 unique views of the
overview page). Drawn from a seeded generator, so every demo database is the same."""
import hashlib
import random
from datetime import date, timedelta

from odoo import api, fields, models

TITLES = [
    "Coördinator (m/v/x)", "Boekhouder", "Projectmedewerker", "Communicatiemedewerker",
    "Medewerker ledenadministratie", "Energieconsulent", "Administratief medewerker",
    "Coach", "Technieker", "Winkelverantwoordelijke", "Stagiair", "Fondsenwerver",
    "Bestuurslid (vrijwilliger)", "Teamverantwoordelijke", "Adviseur", "Logistiek medewerker",
]
CONTRACTS = ["permanent", "permanent", "temporary", "freelance", "volunteer", "internship"]
PROVINCES = ["antwerpen", "limburg", "oost_vlaanderen", "vlaams_brabant", "west_vlaanderen",
             "brussel"]


class CoopVacancyDemo(models.Model):
    _inherit = "coop.vacancy"

    @api.model
    def _demo_history(self, year, member_xmlids, nonmember_xmlids, vacancies, overview_views,
                      seed):
        """Create the closed vacancies of year: every organisation of member_xmlids and
        nonmember_xmlids posts at least one, vacancies in all; and overview_views unique
        views of the overview page spread over the year (one insert). Skipped when the
        year already has vacancies (the function is idempotent)."""
        start, end = date(year, 1, 1), date(year, 12, 31)
        if self.search_count([("date_publication", ">=", fields.Date.to_string(start)),
                              ("date_publication", "<=", fields.Date.to_string(end))]):
            return False
        rng = random.Random(seed)
        members = [self.env.ref(xmlid) for xmlid in member_xmlids]
        nonmembers = [self.env.ref(xmlid) for xmlid in nonmember_xmlids]
        posters = members + nonmembers
        # each organisation once, the rest mostly members (as in the report)
        posters += [rng.choice(members) if rng.random() < 0.9 else rng.choice(nonmembers)
                    for _i in range(vacancies - len(posters))]
        rng.shuffle(posters)
        sectors = self.env["coop.membership.sector"].search([], order="sequence, id")
        model = self.with_context(tracking_disable=True, mail_create_nolog=True,
                                  mail_create_nosubscribe=True)
        created = self.browse()
        for index, org in enumerate(posters):
            published = start + timedelta(days=rng.randint(0, 364))
            pub = fields.Date.to_string(published)
            member = org.coop_is_member_on(pub)
            if member != (org in members):
                raise ValueError("%s: membership in %s" % (org.name, year))
            title = rng.choice(TITLES)
            closing = published + timedelta(days=rng.choice([30, 45, 60]))
            created |= model.create({
                "name": title,
                "partner_id": org.id,
                "city": org.city or False,
                "province": rng.choice(PROVINCES),
                "contract_type": rng.choice(CONTRACTS),
                "hours": rng.choice([0.5, 0.8, 1.0]),
                "hours_unit": "fte",
                "sector_id": org.coop_sector_ids[:1].id or rng.choice(sectors.ids),
                "apply_email": "jobs%d@example.org" % (index + 1),
                "description": "<p>%s zoekt een %s.</p>" % (org.name, title.lower()),
                "state": "closed" if index % 3 else "expired",
                "date_publication": pub,
                "date_closing": fields.Date.to_string(closing),
                "member_posting": member,
                "user_id": False,
            })
        # unique views: the overview page and some per vacancy, one row per visitor and day
        rows = []
        for number in range(overview_views):
            day = start + timedelta(days=rng.randint(0, 364))
            rows.append((day, "overview", None, number))
        for vacancy in created:
            published = fields.Date.from_string(vacancy.date_publication)
            for number in range(rng.randint(5, 40)):
                day = min(published + timedelta(days=rng.randint(0, 29)), end)
                rows.append((day, "vacancy-%d" % vacancy.id, vacancy.id, number))
        self.env.cr.execute("""
            INSERT INTO coop_vacancy_view (day, page_key, vacancy_id, visitor_hash)
            SELECT * FROM unnest(%s::date[], %s::varchar[], %s::int[], %s::varchar[])
        """, ([fields.Date.to_string(r[0]) for r in rows], [r[1] for r in rows], [r[2] for r in rows],
              [hashlib.sha256(("demo|%s|%s|%d" % (r[0], r[1], r[3])).encode()).hexdigest()
               for r in rows]))
        return True
