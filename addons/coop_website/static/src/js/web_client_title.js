odoo.define('coop_website.web_client_title', function (require) {
"use strict";
/**
 * The backend's window title ends in "Coopkracht", not in "Odoo".
 */
var AbstractWebClient = require('web.AbstractWebClient');

AbstractWebClient.include({
    init: function () {
        this._super.apply(this, arguments);
        this.set('title_part', {"zopenerp": "Coopkracht"});
    },
});
});
