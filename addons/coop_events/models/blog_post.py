# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import json

from odoo import api, models

from odoo.addons.coop_website.tools.sharing import plain_text


class BlogPost(models.Model):
    """Coopkracht's newsletter articles, published on the site as posts of the
    "Artikels" blog (data/blog_data.xml)."""
    _inherit = "blog.post"

    @api.model
    def _coop_hide_odoo_samples(self):
        """Odoo's sample blog, its menu entry and its sample posts stay as records (their
        module keeps them with noupdate) but are not shown on Coopkracht's site: the blog
        archived, the menu entry under no menu, the posts unpublished. Called by
        data/blog_data.xml at every install and update (noupdate records of another
        module are not rewritten by an update's XML)."""
        blog = self.env.ref("website_blog.blog_blog_1", raise_if_not_found=False)
        if blog and blog.active:
            blog.active = False
        menu = self.env.ref("website_blog.menu_news", raise_if_not_found=False)
        if menu and menu.parent_id:
            menu.parent_id = False
        for xmlid in ("website_blog.blog_post_1", "website_blog.blog_post_2"):
            post = self.env.ref(xmlid, raise_if_not_found=False)
            if post and post.website_published:
                post.website_published = False
        return True

    @api.multi
    def _coop_cover_url(self):
        """The path of the post's cover image ('' when it has none), from website_blog's
        cover properties: {"background-image": "url(/path)", ...}."""
        self.ensure_one()
        try:
            properties = json.loads(self.cover_properties or "{}")
        except ValueError:
            return ""
        image = (properties.get("background-image") or "").strip()
        if not image.startswith("url(") or not image.endswith(")"):
            return ""
        return image[4:-1].strip("'\" ")

    @api.multi
    def _coop_teaser(self):
        """The post's short text for a share or a newsletter: its teaser, plain text."""
        self.ensure_one()
        return plain_text(self.teaser_manual or self.subtitle or self.content or "")

    @api.multi
    def _coop_sharing_values(self):
        """The page's dict for coop_website.sharing_tags."""
        self.ensure_one()
        return {"type": "article", "title": self.name, "description": self._coop_teaser(),
                "image": self._coop_cover_url(), "path": self.website_url}
