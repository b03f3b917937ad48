# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import werkzeug

from odoo import models
from odoo.http import request


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    @classmethod
    def _coop_hidden_post(cls, post):
        """An article a visitor may not see: not published, and the user is no editor of
        the site."""
        post = post.sudo()
        return not (post.exists() and post.website_published) and \
            not request.env.user.has_group("website.group_website_designer")

    @classmethod
    def _postprocess_args(cls, arguments, rule):
        """An article that is not published does not exist for a visitor: 404 (as a
        vacancy or an event that is not published), instead of the access error (403)
        that building its address as the visitor gives."""
        for value in arguments.values():
            if isinstance(value, models.BaseModel) and value._name == "blog.post" and \
                    cls._coop_hidden_post(value):
                return cls._handle_exception(werkzeug.exceptions.NotFound())
        return super()._postprocess_args(arguments, rule)
