// Progress bars take their width from data-percent: the Content-Security-Policy allows no inline style attribute,
// but a width set through the DOM (element.style) is not inline markup.
(function () {
    'use strict';
    document.querySelectorAll('.progress-bar[data-percent]').forEach(function (bar) {
        var p = parseFloat(bar.getAttribute('data-percent'));
        bar.style.width = (isNaN(p) ? 0 : Math.max(0, Math.min(100, p))) + '%';
    });
}());
