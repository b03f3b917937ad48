# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""/my/compass: the user's scans, the questionnaire (one page per principle), the result,
the PDF and reopening. Every route checks ownership through the record rules before
anything else; other people's scans answer 404."""
from odoo import _
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request, route

from odoo.addons.portal.controllers.portal import CustomerPortal, pager as portal_pager


class CompassPortal(CustomerPortal):

    def _compass_domain(self):
        """The scans listed on /my/compass: the user's own and those shared by their organisation."""
        user = request.env.user
        org = user.partner_id.commercial_partner_id
        return ["|", ("user_id", "=", user.id),
                "&", ("organisation_id", "=", org.id), ("share_with_organisation", "=", True)]

    def _prepare_portal_layout_values(self):
        values = super()._prepare_portal_layout_values()
        Scan = request.env["coop.compass.scan"]
        values["compass_count"] = Scan.search_count(self._compass_domain())
        # the tile is for those who have scans or may start one for their organisation;
        # a shareholder or participant without either starts from the public /kompas page
        values["compass_has_role"] = bool(values["compass_count"] or Scan._allowed_organisations())
        return values

    def _compass_scan(self, scan_id, write=False):
        """The scan if the current user may read it (and change it, with write); else None."""
        scan = request.env["coop.compass.scan"].browse(scan_id)
        try:
            if not scan.exists():
                return None
            scan.check_access_rights("read")
            scan.check_access_rule("read")
            if write:
                scan.check_access_rights("write")
                scan.check_access_rule("write")
        except (AccessError, MissingError):
            return None
        return scan

    @route(["/my/compass", "/my/compass/page/<int:page>"], type="http", auth="user", website=True)
    def portal_my_compass(self, page=1, **kw):
        Scan = request.env["coop.compass.scan"]
        domain = self._compass_domain()
        total = Scan.search_count(domain)
        pager = portal_pager(url="/my/compass", total=total, page=page, step=self._items_per_page)
        scans = Scan.search(domain, order="root_id desc, version desc",
                            limit=self._items_per_page, offset=pager["offset"])
        values = self._prepare_portal_layout_values()
        values.update({
            "scans": scans,
            "pager": pager,
            "page_name": "compass",
            "default_url": "/my/compass",
            "organisation": Scan._allowed_organisations(),
        })
        return request.render("coop_compass.portal_my_compass", values)

    def _steps(self):
        return request.env["coop.compass.principle"].search([])

    def _current_values(self, scan):
        """{question id: raw form value} of the saved answers."""
        current = {}
        for answer in scan.answer_ids.filtered("is_answered"):
            if answer.question_type == "scale":
                current[answer.question_id.id] = str(answer.value_scale)
            elif answer.question_type == "yesno":
                current[answer.question_id.id] = answer.value_yesno
            else:
                current[answer.question_id.id] = answer.value_text
        return current

    def _render_step(self, scan, step, error=None, missing=None, posted=None):
        principles = self._steps()
        current = self._current_values(scan)
        current.update(posted or {})
        principle = principles[step - 1] if step <= len(principles) else None
        values = self._prepare_portal_layout_values()
        values.update({
            "scan": scan,
            "step": step,
            "step_count": len(principles) + 1,
            "principles": principles,
            "principle": principle,
            "current": current,
            "error": error,
            "missing": missing or request.env["coop.compass.question"],
            "nrc_conditions": request.env["coop.compass.nrc.condition"].search([]),
            "page_name": "compass_scan",
        })
        return request.render("coop_compass.portal_compass_step", values)

    @route("/my/compass/<int:scan_id>/step/<int:step>", type="http", auth="user", website=True,
           methods=["GET", "POST"])
    def portal_compass_step(self, scan_id, step, **post):
        scan = self._compass_scan(scan_id, write=True)
        if not scan:
            raise request.not_found()
        if scan.state != "draft":
            return request.redirect("/my/compass/%d" % scan.id)
        principles = self._steps()
        if not 1 <= step <= len(principles) + 1:
            raise request.not_found()
        if request.httprequest.method != "POST":
            return self._render_step(scan, step)
        posted = {}
        try:
            with request.env.cr.savepoint():
                if step <= len(principles):
                    questions = principles[step - 1].question_ids
                    posted = {q.id: post.get("q_%d" % q.id, "") for q in questions}
                    scan.set_answers(posted)
                else:
                    nrc_ids = [int(key[4:]) for key in post if key.startswith("nrc_") and key[4:].isdigit()]
                    nrc = request.env["coop.compass.nrc.condition"].browse(nrc_ids).exists()
                    scan.write({"nrc_condition_ids": [(6, 0, nrc.ids)]})
        except (ValidationError, UserError) as exc:
            return self._render_step(scan, step, error=exc.name, posted=posted)
        go = post.get("go", "next")
        if go == "prev":
            return request.redirect("/my/compass/%d/step/%d" % (scan.id, max(1, step - 1)))
        if go == "save":
            return request.redirect("/my/compass?saved=%d" % scan.id)
        if go.startswith("step_") and go[5:].isdigit():
            target = min(max(1, int(go[5:])), len(principles) + 1)
            return request.redirect("/my/compass/%d/step/%d" % (scan.id, target))
        if go == "submit":
            missing = scan.missing_required_questions()
            if missing:
                return self._render_step(scan, len(principles) + 1, missing=missing,
                                         error=_("Some required questions are not answered yet."))
            scan.action_submit()
            return request.redirect("/my/compass/%d?submitted=1" % scan.id)
        return request.redirect("/my/compass/%d/step/%d" % (scan.id, min(step + 1, len(principles) + 1)))

    @route("/my/compass/<int:scan_id>", type="http", auth="user", website=True)
    def portal_compass_scan(self, scan_id, **kw):
        scan = self._compass_scan(scan_id)
        if not scan:
            raise request.not_found()
        if scan.state == "draft" and scan.user_id == request.env.user:
            return request.redirect("/my/compass/%d/step/1" % scan.id)
        return self._render_result(scan, just_submitted=kw.get("submitted"))

    def _render_result(self, scan, just_submitted=False, error=None):
        is_author = scan.user_id == request.env.user
        strengths, improvements = scan.strengths_and_improvements()
        open_version = scan.search([("root_id", "=", scan.root_id.id), ("state", "=", "draft")], limit=1)
        values = self._prepare_portal_layout_values()
        values.update({
            "scan": scan,
            "is_author": is_author,
            "scores": scan.principle_scores(),
            "strengths": strengths,
            "improvements": improvements,
            "radar": scan.radar_chart(),
            "versions": scan.version_ids,
            "open_version": open_version,
            "nrc_conditions": request.env["coop.compass.nrc.condition"].search([]),
            "texts": scan.answer_ids.filtered(lambda a: a.question_type == "text" and a.is_answered),
            "page_name": "compass_scan",
            "just_submitted": just_submitted,
            "error": error,
        })
        return request.render("coop_compass.portal_compass_result", values)

    @route("/my/compass/<int:scan_id>/reopen", type="http", auth="user", website=True, methods=["POST"])
    def portal_compass_reopen(self, scan_id, **post):
        scan = self._compass_scan(scan_id, write=True)
        if not scan:
            raise request.not_found()
        try:
            new = scan.action_reopen()
        except (UserError, ValidationError) as exc:
            return self._render_result(scan, error=exc.name)
        return request.redirect("/my/compass/%d/step/1" % new.id)

    @route("/my/compass/<int:scan_id>/pdf", type="http", auth="user", website=True)
    def portal_compass_pdf(self, scan_id, **kw):
        scan = self._compass_scan(scan_id)
        if not scan or scan.state != "submitted":
            raise request.not_found()
        report = request.env.ref("coop_compass.compass_scan_report").sudo()
        pdf, _format = report.with_context(lang=request.env.user.lang).render_qweb_pdf([scan.id])
        filename = "kompas-%s-v%d.pdf" % (scan.root_id.id, scan.version)
        return request.make_response(pdf, headers=[
            ("Content-Type", "application/pdf"),
            ("Content-Length", str(len(pdf))),
            ("Content-Disposition", 'attachment; filename="%s"' % filename),
        ])
