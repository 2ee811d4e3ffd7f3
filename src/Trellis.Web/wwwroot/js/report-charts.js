// Draws each report's chart from the JSON beside its canvas (no inline script: the CSP allows only our files).
// A suppressed figure arrives as null and is left out; the table under each chart holds every figure.
(function () {
    "use strict";
    var print = document.getElementById("print-reports");
    if (print) print.addEventListener("click", function () { window.print(); });
    if (typeof Chart === "undefined") return;
    var colours = ["#2f6f4f", "#c77d2a", "#3b5b92", "#8a3d6b"];
    document.querySelectorAll("figure.report-chart").forEach(function (figure) {
        var canvas = figure.querySelector("canvas");
        var source = figure.querySelector("script[type='application/json']");
        if (!canvas || !source) return;
        var data = JSON.parse(source.textContent);
        var line = data.kind === "Line";
        var stacked = data.kind === "StackedBar";
        new Chart(canvas, {
            type: line ? "line" : "bar",
            data: {
                labels: data.labels,
                datasets: data.series.map(function (s, i) {
                    return {
                        label: s.label, data: s.data, spanGaps: false,
                        backgroundColor: colours[i % colours.length], borderColor: colours[i % colours.length]
                    };
                })
            },
            options: {
                animation: false,
                maintainAspectRatio: false,
                scales: { x: { stacked: stacked }, y: { stacked: stacked, beginAtZero: true } },
                plugins: { legend: { display: data.series.length > 1 } }
            }
        });
        figure.classList.add("drawn");
    });
})();
