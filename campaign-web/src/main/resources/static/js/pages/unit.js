// Unit page: one small chart per indicator of its value across periods, with the pledged target as a line.
(function () {
    'use strict';
    if (typeof echarts === 'undefined') { return; }
    var lang = document.documentElement.lang || 'vi';
    var number = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', {maximumFractionDigits: 2});
    var fmt = function (v) { return v == null ? '' : number.format(v).replace('-', '\u2212'); };
    var charts = [];
    document.querySelectorAll('.history-chart[data-chart]').forEach(function (el) {
        var d;
        try { d = JSON.parse(el.getAttribute('data-chart')); } catch (e) { return; }
        var chart = echarts.init(el, null, {renderer: 'svg'});
        var series = [{type: 'bar', data: d.values, itemStyle: {color: '#0a58ca'}, barMaxWidth: 36,
            label: {show: !d.qualitative, position: 'top', color: '#212529', formatter: function (p) { return fmt(p.value); }},
            markLine: d.target == null || d.qualitative ? undefined : {
                symbol: 'none', silent: true, lineStyle: {color: '#8a1c1c', type: 'dashed'},
                label: {formatter: function () { return fmt(d.target); }, color: '#8a1c1c'},
                data: [{yAxis: d.target}]
            }}];
        chart.setOption({
            aria: {enabled: true},
            grid: {left: 4, right: 36, top: 18, bottom: 4, containLabel: true},
            tooltip: {trigger: 'axis', valueFormatter: fmt},
            xAxis: {type: 'category', data: d.periods, axisLabel: {color: '#212529', fontSize: 10, interval: 0}},
            yAxis: {type: 'value', show: !d.qualitative, max: d.qualitative ? 1 : null, axisLabel: {formatter: fmt, fontSize: 10}},
            series: series
        });
        charts.push(chart);
    });
    window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
})();
