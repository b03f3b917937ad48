# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Factories for the compass tests: a small questionnaire of their own (the shipped
content is archived for the test), organisations, portal users and scans."""
from odoo.addons.coop_website.tests.common import CoopSavepointCase, make_org, new_portal_user


class CompassFactoryMixin:

    @classmethod
    def _compass_content(cls, env):
        """Archive the shipped principles and build three principles with known weights:

        P1 (weight 2): scale w2, scale w1, yes/no w1 (required), text (optional)
        P2 (weight 1): scale w1, yes/no w1 (optional)
        P3 (weight 1): scale w1
        """
        env["coop.compass.principle"].search([]).write({"active": False})
        Principle = env["coop.compass.principle"]
        Question = env["coop.compass.question"]
        cls.p1 = Principle.create({"name": "Open membership", "number": 101, "sequence": 1, "weight": 2,
                                   "guidance_strength": "Keep it up (P1)", "guidance_improvement": "Work on P1"})
        cls.p2 = Principle.create({"name": "Democratic control", "number": 102, "sequence": 2, "weight": 1,
                                   "guidance_strength": "Keep it up (P2)", "guidance_improvement": "Work on P2"})
        cls.p3 = Principle.create({"name": "Economic participation", "number": 103, "sequence": 3, "weight": 1,
                                   "guidance_strength": "Keep it up (P3)", "guidance_improvement": "Work on P3"})
        cls.q1a = Question.create({"principle_id": cls.p1.id, "sequence": 1, "name": "Q1a scale",
                                   "question_type": "scale", "weight": 2})
        cls.q1b = Question.create({"principle_id": cls.p1.id, "sequence": 2, "name": "Q1b scale",
                                   "question_type": "scale", "weight": 1})
        cls.q1c = Question.create({"principle_id": cls.p1.id, "sequence": 3, "name": "Q1c yes/no",
                                   "question_type": "yesno", "weight": 1})
        cls.q1d = Question.create({"principle_id": cls.p1.id, "sequence": 4, "name": "Q1d reflection",
                                   "question_type": "text", "weight": 0, "required": False})
        cls.q2a = Question.create({"principle_id": cls.p2.id, "sequence": 1, "name": "Q2a scale",
                                   "question_type": "scale", "weight": 1})
        cls.q2b = Question.create({"principle_id": cls.p2.id, "sequence": 2, "name": "Q2b yes/no",
                                   "question_type": "yesno", "weight": 1, "required": False})
        cls.q3a = Question.create({"principle_id": cls.p3.id, "sequence": 1, "name": "Q3a scale",
                                   "question_type": "scale", "weight": 1})

    def _full_answers(self, **override):
        """Answers for every question of the test questionnaire (question record -> raw value)."""
        values = {self.q1a: "3", self.q1b: "1", self.q1c: "yes", self.q1d: "We could do more.",
                  self.q2a: "2", self.q2b: "no", self.q3a: "4"}
        for attr, value in override.items():
            values[getattr(self, attr)] = value
        return {q.id: v for q, v in values.items()}


class CompassCase(CompassFactoryMixin, CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._compass_content(cls.env)
        cls.org_a = make_org(cls.env, "Coop A")
        cls.org_b = make_org(cls.env, "Coop B")
        cls.author = new_portal_user(cls.env, "compass_author", cls.org_a)
        cls.colleague = new_portal_user(cls.env, "compass_colleague", cls.org_a)
        cls.stranger = new_portal_user(cls.env, "compass_stranger", cls.org_b)
