odoo.define('coop_website.integer_format', function (require) {
"use strict";
/**
 * Backport of the integer fields' option "format" of later Odoo versions:
 *     <field name="year" options="{'format': false}"/>
 * shows 2020, where Odoo 11 shows "2.020" (the thousands separator of nl_BE).
 * In a list view, add widget="integer" so that the option reaches the widget.
 * When porting to a later Odoo, delete this file: the views keep working.
 */
var basicFields = require('web.basic_fields');

basicFields.FieldInteger.include({
    _formatValue: function (value) {
        if (this.nodeOptions.format === false && typeof value === 'number') {
            return String(value);
        }
        return this._super.apply(this, arguments);
    },
});
});
