/*
 * Ombud's measure charts (ECharts, ANALYTICS.md §4), loaded as a same-origin file: the portal's
 * Content-Security-Policy runs no inline script. The server sends the option as JSON (dataset +
 * encode over the same flat rows its grid shows); this file adds what JSON cannot carry: a bar or
 * point that misses its threshold takes the "miss" colour, every other keeps its series' colour.
 * Colour says good or bad against the target, never the direction of a change. When the server
 * asks for it (ombudDrill), clicking a bar or point sends its period code and group to the server
 * (MeasureChart.drill), which opens the test calls behind it.
 */
(function () {
    'use strict';

    function colourByVerdict(series, palette, miss) {
        series.forEach(function (s, index) {
            var own = palette[index % palette.length];
            s.itemStyle = Object.assign({}, s.itemStyle, {
                color: function (params) {
                    return params.data && params.data.meets === false ? miss : own;
                }
            });
            s.lineStyle = Object.assign({}, s.lineStyle, {color: own});
        });
    }

    window.ombudMeasureChart = {
        /** Draws (or redraws) the chart of {@code element} from the option in {@code json}. */
        draw: function (element, json, locale) {
            var option = JSON.parse(json);
            var palette = option.color;
            colourByVerdict(option.series || [], palette, option.ombudMissColour);
            delete option.ombudMissColour;
            element.ombudDrill = option.ombudDrill === true;
            delete option.ombudDrill;
            var chart = echarts.getInstanceByDom(element) || echarts.init(element, null, {locale: locale});
            chart.setOption(option, true);
            if (!element.ombudClick) {
                element.ombudClick = true;
                chart.on('click', function (params) {
                    if (element.ombudDrill && params.componentType === 'series' && params.data && element.$server) {
                        element.$server.drill(params.data.code, params.data.groupId);
                    }
                });
            }
            if (!element.ombudResize) {
                element.ombudResize = new ResizeObserver(function () {
                    chart.resize();
                });
                element.ombudResize.observe(element);
            }
        }
    };
})();
