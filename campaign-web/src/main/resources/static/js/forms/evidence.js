// Evidence (minh chứng) on the report form: several files at once, chosen or dropped, each sent on its own with
// XMLHttpRequest (the CSRF token in its header) so that its progress shows while it uploads; the page reloads
// once all are sent. Without this script the form posts all the chosen files at once and the page comes back.
(function () {
    'use strict';
    var form = document.getElementById('evidence-form');
    if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
    var input = document.getElementById('evidence-file');
    var drop = document.getElementById('evidence-drop');
    var progress = document.getElementById('evidence-progress');
    var csrfToken = document.querySelector('meta[name="_csrf"]');
    var csrfHeader = document.querySelector('meta[name="_csrf_header"]');

    function format(template, args) {
        return template.replace(/\{(\d)\}/g, function (m, i) { return args[+i] === undefined ? m : args[+i]; });
    }

    function row(file) {
        var wrap = document.createElement('div');
        wrap.className = 'mb-2 evidence-upload';
        var label = document.createElement('div');
        label.className = 'small';
        label.textContent = format(form.getAttribute('data-msg-uploading'), [file.name]);
        var bar = document.createElement('div');
        bar.className = 'progress';
        bar.setAttribute('role', 'progressbar');
        bar.setAttribute('aria-valuemin', '0');
        bar.setAttribute('aria-valuemax', '100');
        bar.setAttribute('aria-valuenow', '0');
        bar.setAttribute('aria-label', file.name);
        var fill = document.createElement('div');
        fill.className = 'progress-bar';
        fill.style.width = '0%';
        bar.appendChild(fill);
        wrap.appendChild(label);
        wrap.appendChild(bar);
        progress.appendChild(wrap);
        return {
            set: function (percent) {
                fill.style.width = percent + '%';
                bar.setAttribute('aria-valuenow', String(percent));
            },
            done: function (ok, message) {
                fill.classList.add(ok ? 'bg-success' : 'bg-danger');
                fill.style.width = '100%';
                label.textContent = message;
                label.className = 'small ' + (ok ? 'text-success' : 'text-danger');
            }
        };
    }

    function send(file, next) {
        var shown = row(file);
        var data = new FormData();
        data.append('period', form.querySelector('input[name="period"]').value);
        data.append('indicatorCode', document.getElementById('evidence-indicator').value);
        data.append('note', document.getElementById('evidence-note').value);
        data.append('file', file, file.name);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.getAttribute('action'));
        xhr.setRequestHeader('Accept', 'application/json');
        if (csrfToken && csrfHeader && csrfHeader.content) {
            xhr.setRequestHeader(csrfHeader.content, csrfToken.content);
        }
        xhr.upload.onprogress = function (e) {
            if (e.lengthComputable) { shown.set(Math.round(e.loaded * 100 / e.total)); }
        };
        xhr.onload = function () {
            var answer = {};
            try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = {}; }
            var ok = xhr.status === 200 || xhr.status === 201;
            shown.done(ok, ok ? answer.message : format(form.getAttribute('data-msg-failed'),
                [file.name, answer.message || String(xhr.status)]));
            next(ok);
        };
        xhr.onerror = function () {
            shown.done(false, format(form.getAttribute('data-msg-failed'), [file.name, String(xhr.status)]));
            next(false);
        };
        xhr.send(data);
    }

    function upload(files) {
        var list = Array.prototype.slice.call(files);
        if (list.length === 0) { return; }
        var failures = 0;
        (function one(i) {
            if (i >= list.length) {
                if (failures === 0) {
                    window.location.reload();
                }
                return;
            }
            send(list[i], function (ok) {
                if (!ok) { failures++; }
                one(i + 1);
            });
        })(0);
    }

    form.addEventListener('submit', function (e) {
        e.preventDefault();
        upload(input.files);
    });
    ['dragenter', 'dragover'].forEach(function (type) {
        drop.addEventListener(type, function (e) {
            e.preventDefault();
            drop.classList.add('border-primary');
        });
    });
    ['dragleave', 'drop'].forEach(function (type) {
        drop.addEventListener(type, function (e) {
            e.preventDefault();
            drop.classList.remove('border-primary');
        });
    });
    drop.addEventListener('drop', function (e) {
        if (e.dataTransfer && e.dataTransfer.files) { upload(e.dataTransfer.files); }
    });
})();
