# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Newsletter articles: blog posts on the site, and a mailing composed from chosen posts."""
from lxml import html as lxml_html

from odoo.exceptions import AccessError, UserError

from odoo.addons.coop_website.tests.common import CoopSavepointCase, as_user, new_user

BASE = "https://coopkracht.example"


class TestArticlesMailing(CoopSavepointCase):

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # messages are asserted in their English source; test_dutch_refusal checks nl_BE
        cls.env = cls.env(context=dict(cls.env.context, lang="en_US"))
        cls.env["ir.config_parameter"].set_param("web.base.url", BASE)
        cls.blog = cls.env.ref("coop_events.blog_articles")
        Post = cls.env["blog.post"]
        cls.soiree = Post.create({
            "blog_id": cls.blog.id, "name": "Soirée in Gent", "website_published": True,
            "teaser_manual": "Dertig deelnemers, een score van 8,5 op 10.",
            "cover_properties": '{"background-image": "url(/coop_events/static/src/img/article_soirees.jpg)"}',
            "content": "<p>Een avond vol gesprekken.</p>"})
        cls.memo = Post.create({
            "blog_id": cls.blog.id, "name": "MeMO-gids & duurzaamheid", "website_published": True,
            "content": "<p>6078 <b>bedrijven</b> in de databank.</p>"})
        cls.draft = Post.create({
            "blog_id": cls.blog.id, "name": "Nog niet klaar", "website_published": False,
            "content": "<p>Concept.</p>"})
        cls.mailing = cls.env["mail.mass_mailing"].create({
            "name": "Nieuwsbrief december", "coop_mailing_kind": "newsletter",
            "body_html": "<p>Beste lezer,</p>"})
        cls.user_board_only = new_user(cls.env, "board_no_mailing", ["coop_website.group_coop_board"])

    def insert(self, posts, user=None):
        wizard = self.env["coop.mailing.article.insert"]
        if user:
            wizard = as_user(wizard, user)
        wizard = wizard.create({"mailing_id": self.mailing.id, "post_ids": [(6, 0, posts.ids)]})
        return wizard.action_insert()

    def test_body_gets_a_block_per_post(self):
        """Staff insert two posts: the body keeps its text and gets, per post, the title,
        the teaser, the cover image and "Read more" to the post's absolute address."""
        self.insert(self.soiree | self.memo, user=self.user_coop)
        body = self.mailing.body_html
        self.assertTrue(body.startswith("<p>Beste lezer,</p>"))
        doc = lxml_html.fromstring(body)
        blocks = doc.xpath("//table[hasclass('o_coop_article')]")
        self.assertEqual(len(blocks), 2)
        # the site's language (nl_BE) gives the addresses their Dutch slug
        soiree_url = BASE + self.soiree.with_context(lang="nl_BE").website_url
        memo_url = BASE + self.memo.with_context(lang="nl_BE").website_url
        blocks = {block.xpath(".//h2")[0].text_content().strip(): block for block in blocks}
        self.assertEqual(set(blocks), {"Soirée in Gent", "MeMO-gids & duurzaamheid"})
        soiree, memo = blocks["Soirée in Gent"], blocks["MeMO-gids & duurzaamheid"]
        self.assertIn("Dertig deelnemers, een score van 8,5 op 10.", soiree.text_content())
        self.assertIn("6078 bedrijven in de databank.", memo.text_content())
        self.assertEqual(set(soiree.xpath(".//a/@href")), {soiree_url})
        self.assertEqual(set(memo.xpath(".//a/@href")), {memo_url})
        self.assertTrue(soiree_url.startswith(BASE + "/blog/artikels-"), soiree_url)
        self.assertEqual(soiree.xpath(".//img/@src"),
                         [BASE + "/coop_events/static/src/img/article_soirees.jpg"])
        self.assertEqual(memo.xpath(".//img"), [])  # no cover, no broken image
        more = soiree.xpath(".//a[hasclass('o_coop_article_more')]")[0].text_content()
        self.assertEqual(more.strip(), "Lees meer")  # the site's language, nl_BE

    def test_unpublished_post_refused(self):
        """A post that is not published on the site is refused, and nothing is written."""
        before = self.mailing.body_html
        with self.assertRaisesRegex(UserError, "not published.*Nog niet klaar"):
            self.insert(self.soiree | self.draft, user=self.user_coop)
        self.assertEqual(self.mailing.body_html, before)

    def test_dutch_refusal(self):
        """The refusal reaches a Dutch-speaking member of staff in Dutch."""
        staff = self.user_coop.with_context(lang="nl_BE")
        wizard = as_user(self.env["coop.mailing.article.insert"], staff).with_context(lang="nl_BE").create(
            {"mailing_id": self.mailing.id, "post_ids": [(6, 0, self.draft.ids)]})
        with self.assertRaisesRegex(UserError, "niet gepubliceerd"):
            wizard.action_insert()

    def test_no_post_refused(self):
        """Inserting without choosing a post is refused."""
        with self.assertRaisesRegex(UserError, "at least one article"):
            self.insert(self.env["blog.post"], user=self.user_coop)

    def test_sent_mailing_refused(self):
        """A mailing that has been sent keeps its text."""
        self.mailing.state = "done"
        before = self.mailing.body_html
        with self.assertRaisesRegex(UserError, "has been sent"):
            self.insert(self.soiree, user=self.user_coop)
        self.assertEqual(self.mailing.body_html, before)

    def test_only_the_mailing_team(self):
        """An employee, a board member and a portal user without the mass mailing group get
        an AccessError, and the body does not change."""
        before = self.mailing.body_html
        for user in (self.user_internal, self.user_board_only, self.user_portal):
            self.assertFalse(user.has_group("mass_mailing.group_mass_mailing_user"), user.login)
            with self.assertRaises(AccessError, msg=user.login):
                self.insert(self.soiree, user=user)
            with self.assertRaises(AccessError, msg=user.login):
                as_user(self.mailing, user).coop_insert_articles(self.soiree)
        self.assertEqual(self.mailing.body_html, before)

    def test_button_for_the_mailing_team(self):
        """The mailing form's "Insert articles" button opens the wizard, for mailing users."""
        action = self.env.ref("coop_events.coop_mailing_article_insert_action")
        self.assertEqual(action.res_model, "coop.mailing.article.insert")
        self.assertEqual(action.groups_id, self.env.ref("mass_mailing.group_mass_mailing_user"))
        arch = self.env["mail.mass_mailing"].fields_view_get(view_type="form")["arch"]
        self.assertIn("%d" % action.id, arch)


class TestArticlesDemo(CoopSavepointCase):

    def test_demo_articles_published_odoo_samples_not(self):
        """The demo's Dutch articles are published in the Articles blog, each with a cover
        of ours; Odoo's sample posts are unpublished (still there) and its blog archived."""
        blog = self.env.ref("coop_events.blog_articles")
        posts = self.env["blog.post"].search([("blog_id", "=", blog.id), ("website_published", "=", True)])
        self.assertGreaterEqual(len(posts), 3)
        for post in posts:
            self.assertTrue(post._coop_cover_url().startswith("/coop_events/static/src/img/"), post.name)
        for xmlid in ("website_blog.blog_post_1", "website_blog.blog_post_2"):
            sample = self.env.ref(xmlid)
            self.assertTrue(sample.exists())
            self.assertFalse(sample.website_published, xmlid)
        self.assertFalse(self.env.ref("website_blog.blog_blog_1").active)
        self.assertEqual(blog.with_context(lang="nl_BE").name, "Artikels")
