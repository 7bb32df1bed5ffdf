// Add and remove rows of the launch form in the page. Without this script the same buttons submit the form and the
// server adds or removes the row; with it, nothing is sent until the user launches.
(function () {
    'use strict';
    var form = document.getElementById('launch-form');
    if (!form) { return; }

    function renumber() {
        form.querySelectorAll('[data-row="period"]').forEach(function (row, p) {
            rewrite(row, [[/periods\[\d+\]/g, 'periods[' + p + ']'], [/periods-\d+/g, 'periods-' + p],
                [/remove-period:\d+/g, 'remove-period:' + p]]);
        });
        form.querySelectorAll('[data-row="content"]').forEach(function (content, c) {
            rewrite(content, [[/contents\[\d+\]/g, 'contents[' + c + ']'], [/contents-\d+/g, 'contents-' + c],
                [/(add|remove)-indicator:\d+/g, '$1-indicator:' + c], [/remove-content:\d+/g, 'remove-content:' + c]]);
            var legend = content.querySelector(':scope > legend');
            if (legend) { legend.textContent = legend.textContent.replace(/\d+\s*$/, String(c + 1)); }
            content.querySelectorAll('[data-row="indicator"]').forEach(function (ind, i) {
                rewrite(ind, [[/indicators\[\d+\]/g, 'indicators[' + i + ']'], [/indicators-\d+/g, 'indicators-' + i],
                    [/(remove-indicator:\d+):\d+/g, '$1:' + i]]);
                var l = ind.querySelector(':scope > legend');
                if (l) { l.textContent = l.textContent.replace(/\d+\s*$/, String(i + 1)); }
            });
        });
    }

    function rewrite(root, rules) {
        root.querySelectorAll('[name],[id],[for],[aria-describedby],button[value]').forEach(function (el) {
            ['name', 'id', 'for', 'aria-describedby', 'value'].forEach(function (attr) {
                if (attr === 'value' && el.tagName !== 'BUTTON') { return; }
                var v = el.getAttribute(attr);
                if (v === null) { return; }
                rules.forEach(function (r) { v = v.replace(r[0], r[1]); });
                el.setAttribute(attr, v);
            });
        });
    }

    function blank(row) {
        row.querySelectorAll('.invalid-feedback').forEach(function (e) { e.remove(); });
        row.querySelectorAll('.is-invalid').forEach(function (e) {
            e.classList.remove('is-invalid');
            e.removeAttribute('aria-invalid');
            e.removeAttribute('aria-describedby');
        });
        row.querySelectorAll('input:not([readonly])').forEach(function (e) { e.value = ''; });
        row.querySelectorAll('select').forEach(function (e) { e.selectedIndex = 0; });
        // A cloned content keeps only its first indicator.
        var inds = row.querySelectorAll('[data-row="indicator"]');
        for (var k = 1; k < inds.length; k++) { inds[k].remove(); }
        return row;
    }

    form.addEventListener('click', function (event) {
        var button = event.target.closest('button[data-add],button[data-remove]');
        if (!button) { return; }
        event.preventDefault();
        var kind = button.getAttribute('data-add') || button.getAttribute('data-remove');
        var focus;
        if (button.hasAttribute('data-remove')) {
            var row = button.closest('[data-row="' + kind + '"]');
            var siblings = row.parentElement.querySelectorAll(':scope > [data-row="' + kind + '"]');
            if (siblings.length <= 1) { return; } // at least one of each is kept
            focus = siblings[0] === row ? siblings[1] : siblings[0];
            row.remove();
        } else {
            var scope = kind === 'indicator' ? button.closest('[data-row="content"]') : form;
            var rows = scope.querySelectorAll('[data-row="' + kind + '"]');
            var last = rows[rows.length - 1];
            var copy = blank(last.cloneNode(true));
            last.after(copy);
            focus = copy;
        }
        renumber();
        var first = focus && focus.querySelector('input,select');
        if (first) { first.focus(); }
    });
})();
