// Cluster dashboard: draws the league-table charts from the JSON beside the table and, on the live view, listens
// for server-sent events and re-fetches the table when it changes. The table is the charts' text alternative.
(function () {
    'use strict';
    var script = document.getElementById('dashboard-script');
    var lang = document.documentElement.lang || 'vi';
    var locale = lang === 'vi' ? 'vi-VN' : 'en-GB';
    var number = new Intl.NumberFormat(locale, {maximumFractionDigits: 2});
    var time = new Intl.DateTimeFormat(locale, {hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
        timeZone: 'Asia/Ho_Chi_Minh'});
    var palette = ['#8a1c1c', '#0a58ca', '#146c43', '#b35c00', '#6f42c1', '#0f6674', '#9c1c5b', '#495057', '#5c7d00',
        '#1f3b73', '#7a4f01', '#3d6b5a'];
    var totalChart = null;
    var contentChart = null;

    function data() {
        var el = document.getElementById('league-data');
        if (!el) { return null; }
        try { return JSON.parse(el.textContent); } catch (e) { return null; }
    }

    function chart(id, existing) {
        var el = document.getElementById(id);
        if (!el || typeof echarts === 'undefined') { return null; }
        // Canvas, not SVG: the SVG renderer draws the decal patterns as <image> elements, which the browser then
        // takes for the page's largest content (LCP) seconds after the table was there.
        return existing || echarts.init(el, null, {renderer: 'canvas'});
    }

    // Both charts, or one of them ('total', 'contents'): the first drawing is split in two tasks, so that neither
    // keeps the main thread long on a slow phone.
    function draw(only) {
        var d = data();
        if (!d) { return; }
        var league = document.getElementById('league');
        var totalLabel = league ? league.getAttribute('data-total-label') : 'Total';
        var provisionalLabel = league ? league.getAttribute('data-provisional-label') : 'provisional';
        var units = d.units.slice().reverse();
        // One minus sign on the page: U+2212, as the table writes it.
        var fmt = function (v) { return number.format(v).replace('-', '\u2212'); };
        totalChart = only === 'contents' ? totalChart : chart('chart-total', totalChart);
        if (totalChart && only !== 'contents') {
            totalChart.setOption({
                // No animation: each animated frame is main-thread work on a slow phone, for no information.
                animation: false,
                aria: {enabled: true},
                color: ['#8a1c1c'],
                grid: {left: 8, right: 48, top: 8, bottom: 8, containLabel: true},
                tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: fmt},
                xAxis: {type: 'value', axisLabel: {formatter: fmt}},
                yAxis: {type: 'category', data: units, axisLabel: {color: '#212529'}},
                series: [{
                    name: totalLabel, type: 'bar',
                    data: d.totals.slice().reverse().map(function (v, i) {
                        var provisional = d.provisional.slice().reverse()[i];
                        return {value: v, itemStyle: provisional ? {color: '#b35c00', decal: {symbol: 'rect'}} : undefined};
                    }),
                    label: {show: true, position: 'right', color: '#212529', formatter: function (p) {
                        var prov = d.provisional.slice().reverse()[p.dataIndex];
                        return fmt(p.value) + (prov ? ' ◐' : '');
                    }}
                }]
            }, true);
        }
        contentChart = only === 'total' ? contentChart : chart('chart-contents', contentChart);
        if (contentChart && only !== 'total') {
            contentChart.setOption({
                animation: false,
                aria: {enabled: true, decal: {show: true}},
                color: palette,
                legend: {type: 'scroll', top: 0, textStyle: {color: '#212529'}},
                grid: {left: 8, right: 16, top: 40, bottom: 8, containLabel: true},
                tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}, valueFormatter: fmt},
                xAxis: {type: 'value', axisLabel: {formatter: fmt}},
                yAxis: {type: 'category', data: units, axisLabel: {color: '#212529'}},
                series: d.contents.map(function (c) {
                    return {name: c.name, type: 'bar', stack: 'total', emphasis: {focus: 'series'},
                        data: c.data.slice().reverse()};
                })
            }, true);
        }
        void provisionalLabel;
    }

    window.addEventListener('resize', function () {
        if (totalChart) { totalChart.resize(); }
        if (contentChart) { contentChart.resize(); }
    });

    // ECharts (330 KB compressed) is fetched only once the page has loaded and shown its table: the table is
    // the page's content, the charts its illustration. The URL (content-versioned) comes from the page.
    function loadCharts() {
        var url = script && script.getAttribute('data-echarts-url');
        if (typeof echarts !== 'undefined' || !url || !document.querySelector('.chart')) {
            draw();
            return;
        }
        var tag = document.createElement('script');
        tag.src = url;
        tag.onload = function () {
            // Each chart drawn when it comes near the screen (on a phone the second one is below the fold), each
            // in a task of its own.
            if (!('IntersectionObserver' in window)) {
                draw('total');
                setTimeout(function () { draw('contents'); }, 0);
                return;
            }
            var which = {'chart-total': 'total', 'chart-contents': 'contents'};
            var seen = new IntersectionObserver(function (entries) {
                entries.forEach(function (entry) {
                    if (entry.isIntersecting) {
                        seen.unobserve(entry.target);
                        setTimeout(function () { draw(which[entry.target.id]); }, 0);
                    }
                });
            }, {rootMargin: '200px'});
            Object.keys(which).forEach(function (id) {
                var el = document.getElementById(id);
                if (el) { seen.observe(el); }
            });
        };
        document.head.appendChild(tag);
    }
    // After the load event, once the browser has painted the page's largest content (the table and the headings):
    // the table shows first, even on a slow phone. Where the browser does not report that paint, after the next
    // painted frame (a timeout queued from an animation frame runs once that frame is on screen).
    var started = false;
    function start() {
        if (!started) { started = true; setTimeout(loadCharts, 0); }
    }
    function afterPaint() {
        var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
        if (types && types.indexOf('largest-contentful-paint') >= 0) {
            new PerformanceObserver(function (list, observer) {
                observer.disconnect();
                start();
            }).observe({type: 'largest-contentful-paint', buffered: true});
            setTimeout(start, 3000);
        } else {
            requestAnimationFrame(function () { setTimeout(start, 0); });
        }
    }
    if (document.readyState === 'complete') {
        afterPaint();
    } else {
        window.addEventListener('load', afterPaint);
    }

    if (!script || script.getAttribute('data-live') !== 'true' || typeof EventSource === 'undefined') { return; }
    var tableUrl = script.getAttribute('data-table-url');
    var status = document.getElementById('live-status');
    var refreshing = false;

    function refresh() {
        if (refreshing) { return; }
        refreshing = true;
        fetch(tableUrl, {headers: {'Accept': 'text/html'}, credentials: 'same-origin'})
            .then(function (r) { if (!r.ok) { throw new Error(r.status); } return r.text(); })
            .then(function (html) {
                var holder = document.createElement('div');
                holder.innerHTML = html;
                var fresh = holder.querySelector('#league');
                var current = document.getElementById('league');
                if (fresh && current) {
                    // Keep keyboard focus where it was if it was inside the table.
                    var focused = document.activeElement && current.contains(document.activeElement)
                        ? document.activeElement.getAttribute('href') : null;
                    current.replaceWith(fresh);
                    if (focused) {
                        var again = fresh.querySelector('a[href="' + focused + '"]');
                        if (again) { again.focus(); }
                    }
                    draw();
                }
                if (status) {
                    status.textContent = status.getAttribute('data-updated').replace('{0}', time.format(new Date()));
                }
            })
            .catch(function () { /* the next event tries again */ })
            .finally(function () { refreshing = false; });
    }

    var source = new EventSource(script.getAttribute('data-live-url'));
    source.addEventListener('league-table', refresh);
})();
