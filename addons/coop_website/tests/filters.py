# Copyright 2026 Coopkracht vzw
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Checks of coop_website.filters_panel, the filters of a public list that fold behind a
"Filters" button on a phone; used by the HTTP tests of every list with filters."""
from lxml import html as lxml_html


def filters_panel(testcase, page, inner_xpath):
    """Assert that the element inner_xpath (the filter form or list) of the HTML page is
    inside a Bootstrap collapse panel with its toggle button: a real button labelled
    "Filters", closed (aria-expanded false), that names the panel (data-target and
    aria-controls), hidden from a tablet on where the panel is always open. Returns
    (button, panel) as lxml elements."""
    doc = lxml_html.fromstring(page)
    inner = doc.xpath(inner_xpath)
    testcase.assertTrue(inner, "no %s on the page" % inner_xpath)
    panels = [el for el in inner[0].iterancestors()
              if "o_coop_filters_panel" in (el.get("class") or "").split()]
    testcase.assertTrue(panels, "the filters are not inside the collapsible panel")
    panel = panels[0]
    testcase.assertIn("collapse", panel.get("class").split())
    testcase.assertNotIn("in", panel.get("class").split(), "the panel starts open on a phone")
    panel_id = panel.get("id")
    testcase.assertTrue(panel_id)
    buttons = doc.xpath("//button[@data-toggle='collapse'][@data-target=$target]",
                        target="#" + panel_id)
    testcase.assertEqual(len(buttons), 1, "one toggle button for the panel")
    button = buttons[0]
    testcase.assertEqual(button.get("type"), "button")
    testcase.assertEqual(button.get("aria-controls"), panel_id)
    testcase.assertEqual(button.get("aria-expanded"), "false")
    testcase.assertIn("visible-xs", button.get("class").split())
    testcase.assertEqual(" ".join(button.text_content().split()), "Filters")
    return button, panel
