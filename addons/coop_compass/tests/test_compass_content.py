# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""The shipped compass content: the seven ICA principles with their questions and the NRC
checklist, in English and Dutch, editable by Coopkracht staff only."""
from odoo.exceptions import AccessError

from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user

DUTCH_NAMES = [
    "Vrijwillig en open lidmaatschap",
    "Democratische controle door de leden",
    "Economische participatie door de leden",
    "Autonomie en onafhankelijkheid",
    "Onderwijs, vorming en informatie",
    "Samenwerking tussen coöperaties",
    "Aandacht voor de gemeenschap",
]


class TestShippedContent(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.principles = cls.env["coop.compass.principle"].browse(
            [cls.env.ref("coop_compass.principle_%d" % n).id for n in range(1, 8)])

    def test_seven_principles_in_dutch_and_english(self):
        """The seven principles are numbered 1-7 in order, named in Dutch as the ICA statement
        does, and every text also exists in English."""
        self.assertEqual(self.principles.mapped("number"), list(range(1, 8)))
        self.assertEqual(self.env["coop.compass.principle"].search([("number", "in", list(range(1, 8)))]),
                         self.principles, "in this order by default")
        self.assertEqual(self.principles.with_context(lang="nl_BE").mapped("name"), DUTCH_NAMES)
        fields = ["name", "short_name", "explanation", "guidance_strength", "guidance_improvement"]
        for principle in self.principles:
            english = principle.with_context(lang="en_US")
            dutch = principle.with_context(lang="nl_BE")
            for field in fields:
                self.assertTrue(english[field], "%s of principle %d" % (field, principle.number))
                self.assertTrue(dutch[field], "%s of principle %d" % (field, principle.number))
            self.assertNotEqual(english.explanation, dutch.explanation, "principle %d" % principle.number)

    def test_four_to_six_questions_of_every_type(self):
        """Each principle has 4 to 6 questions mixing the 0-4 scale, yes/no and free text; every
        scored question has a positive weight, every level of a scale question a meaning, and
        every question a Dutch text."""
        for principle in self.principles:
            questions = principle.question_ids
            self.assertTrue(4 <= len(questions) <= 6, "principle %d has %d questions" % (
                principle.number, len(questions)))
            self.assertEqual(set(questions.mapped("question_type")), {"scale", "yesno", "text"})
            for question in questions:
                self.assertEqual(question._is_scored(), question.question_type != "text")
                if question._is_scored():
                    self.assertGreater(question.weight, 0)
                if question.question_type == "scale":
                    labels = question.with_context(lang="nl_BE").level_labels()
                    self.assertEqual([level for level, _meaning in labels], [0, 1, 2, 3, 4])
                    self.assertTrue(all(meaning for _level, meaning in labels))
                self.assertNotEqual(question.with_context(lang="nl_BE").name,
                                    question.with_context(lang="en_US").name)

    def test_nrc_checklist(self):
        """The NRC recognition conditions are shipped as a checklist in Dutch."""
        conditions = self.env["coop.compass.nrc.condition"].search([])
        self.assertGreaterEqual(len(conditions), 5)
        for condition in conditions:
            self.assertNotEqual(condition.with_context(lang="nl_BE").name,
                                condition.with_context(lang="en_US").name)

    def test_only_staff_edit_the_content(self):
        """Coopkracht staff edit principles, questions and NRC conditions; the board, other
        employees and portal users cannot."""
        principle = self.principles[0]
        question = principle.question_ids[0]
        condition = self.env["coop.compass.nrc.condition"].search([], limit=1)
        as_user(principle, self.user_coop).write({"explanation": "Nieuwe uitleg"})
        as_user(question, self.user_coop).write({"weight": 3})
        as_user(condition, self.user_coop).write({"description": "Nieuwe toelichting"})
        seen = (as_user(principle, self.user_coop).explanation, question.weight,
                as_user(condition, self.user_coop).description)
        self.assertEqual(seen, ("Nieuwe uitleg", 3, "Nieuwe toelichting"))
        for user in (self.user_board, self.user_internal, self.user_portal):
            for record, vals in ((principle, {"explanation": "x"}), (question, {"weight": 0}),
                                 (condition, {"description": "x"})):
                with self.assertRaises(AccessError, msg="%s on %s" % (user.login, record._name)):
                    as_user(record, user).write(vals)
