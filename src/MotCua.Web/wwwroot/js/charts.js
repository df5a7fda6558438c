// Draws each chart the server described: an element with a data-chart attribute holding an Apache ECharts option (JSON,
// built by Features/Dashboard/DashboardChart.cs, the one definition for the page and print; the PDF runs this file too). The element stays hidden
// until it is drawn, so without JavaScript (or without ECharts) the data table beside it is what shows. No inline
// script or style attribute: the site's Content-Security-Policy allows neither.
(function () {
    'use strict';
    if (typeof window.echarts === 'undefined') {
        return;
    }

    Array.prototype.forEach.call(document.querySelectorAll('[data-chart]'), function (container) {
        var option;
        try {
            option = JSON.parse(container.getAttribute('data-chart'));
        } catch (e) {
            return;
        }

        // Shown before init: ECharts takes its size from the container. A printed copy (data-chart-print, the PDF that
        // Chromium prints from Features/Dashboard/DashboardPrint.razor) draws SVG, so the chart's words stay text.
        container.hidden = false;
        var renderer = container.getAttribute('data-chart-print') === 'true' ? 'svg' : 'canvas';
        var chart = window.echarts.init(container, null, { renderer: renderer });
        chart.setOption(option);
        container.setAttribute('data-chart-drawn', 'true');
        // Follows the container (a rotated phone, a resized window); the option's media query then picks the layout.
        if (typeof window.ResizeObserver === 'function') {
            new window.ResizeObserver(function () { chart.resize(); }).observe(container);
        } else {
            window.addEventListener('resize', function () { chart.resize(); });
        }
    });
}());
