// Operations: refreshes each projection's status, position and progress every second, in place, so that keyboard
// focus on the buttons is never lost.
(function () {
    'use strict';
    var script = document.getElementById('ops-script');
    if (!script) { return; }
    var url = script.getAttribute('data-status-url');

    function update(list) {
        list.forEach(function (p) {
            var row = document.querySelector('tr[data-projection="' + p.name + '"]');
            if (!row) { return; }
            ['statusText', 'position', 'head', 'percentText', 'generation', 'startedAt', 'finishedAt', 'deadLetters']
                .forEach(function (field) {
                    var el = row.querySelector('[data-field="' + field + '"]');
                    if (el && el.textContent !== String(p[field])) { el.textContent = p[field]; }
                });
            var badge = row.querySelector('.ops-status');
            if (badge) { badge.className = 'badge ops-status ops-' + p.status; }
            var bar = row.querySelector('[role="progressbar"]');
            if (bar) {
                bar.setAttribute('aria-valuenow', p.percent);
                bar.querySelector('.progress-bar').style.width = p.percent + '%';
            }
        });
    }

    function poll() {
        fetch(url, {headers: {'Accept': 'application/json'}, credentials: 'same-origin'})
            .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.json(); })
            .then(update)
            .catch(function () { /* try again next second */ })
            .finally(function () { setTimeout(poll, 1000); });
    }
    setTimeout(poll, 1000);
})();
