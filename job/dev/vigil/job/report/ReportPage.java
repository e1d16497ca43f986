package dev.vigil.job.report;

import java.util.Map;

/**
 * The report's HTML page: one file with its style inside, charts as inline SVG and images as data URIs,
 * so that it opens from disk or a mail attachment with no network. Its only script records JavaScript
 * errors and unloadable images on the page's root element ({@code data-js-errors},
 * {@code data-broken-images}, and a visible list), and a last one marks the page complete
 * ({@code data-report-ready}), so a headless browser can tell that it rendered whole.
 */
final class ReportPage {

    private static final String STYLE = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;margin:0;background:#f6f7f9}
            main{max-width:1180px;margin:0 auto;padding:16px 24px 48px}
            h1{font-size:22px;margin:8px 0 2px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccd}
            h3{font-size:15px;margin:18px 0 6px}.sub{color:#667;margin:0 0 12px}
            .grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(520px,1fr));gap:14px}
            figure.chart{background:#fff;border:1px solid #dde;border-radius:6px;margin:0;padding:8px 10px}
            figure.chart figcaption{font-size:12.5px;color:#445}figure.chart .title{font-weight:600;color:#222}
            .chart-svg{width:100%;height:auto;display:block}
            .chart-svg .grid line{stroke:#e3e5ea;stroke-width:1}.chart-svg .grid line.zero{stroke:#99a}
            .chart-svg text{font-size:11px;fill:#556}.chart-svg .axis-name{font-size:10.5px;fill:#778}
            .chart-svg path.series{fill:none;stroke-width:2}.chart-svg .point{stroke:#fff;stroke-width:1}
            .chart-svg rect.bar:hover,.chart-svg .point:hover,.chart-svg rect.cell:hover{stroke:#000;stroke-width:1}
            .heatmap rect.frame{fill:#1d2230}.heatmap image{opacity:.45;filter:grayscale(1)}
            ul.legend{list-style:none;padding:0;margin:4px 0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px}
            ul.legend span{display:inline-block;width:11px;height:11px;border-radius:2px;margin-right:5px;vertical-align:-1px}
            .note{background:#fff8e1;border-left:3px solid #e0b000;padding:6px 10px;margin:6px 0;color:#553}
            .note.ok{background:#eef8ee;border-color:#4a4}
            table{border-collapse:collapse;background:#fff;font-size:13px}td,th{border:1px solid #dde;padding:3px 8px;text-align:left}
            td.n{text-align:right;font-variant-numeric:tabular-nums}
            .gallery{display:flex;flex-wrap:wrap;gap:10px}
            figure.snapshot{margin:0;width:240px;background:#fff;border:1px solid #dde;border-radius:6px;overflow:hidden}
            figure.snapshot img{width:100%;display:block}figure.snapshot figcaption{font-size:12px;padding:4px 6px}
            #js-errors{color:#b00;font-weight:600}
            nav a{margin-right:12px}
            """;

    /** Runs before anything else: every later error, and every image that fails to load, is recorded. */
    private static final String WATCH = """
            (function(){var root=document.documentElement,errors=0,broken=0;
            function show(text){var list=document.getElementById('js-errors');if(!list)return;list.hidden=false;
            var item=document.createElement('li');item.textContent=text;list.appendChild(item);}
            window.onerror=function(message,source,line){errors++;root.setAttribute('data-js-errors',errors);
            show(message+' ('+source+':'+line+')');};
            window.addEventListener('error',function(e){var t=e.target;if(t&&t.tagName==='IMG'){broken++;
            root.setAttribute('data-broken-images',broken);show('image did not load: '+(t.alt||''));}},true);})();
            """;

    private static final String READY = """
            document.documentElement.setAttribute('data-charts',document.querySelectorAll('figure.chart').length);
            document.documentElement.setAttribute('data-report-ready','true');
            """;

    private final StringBuilder body = new StringBuilder();
    private final String title;

    ReportPage(String title) {
        this.title = title;
    }

    ReportPage html(String html) {
        body.append(html).append('\n');
        return this;
    }

    ReportPage heading(int level, String text, String id) {
        body.append("<h").append(level).append(id == null ? "" : " id=\"" + Markup.escape(id) + "\"").append('>')
                .append(Markup.escape(text)).append("</h").append(level).append(">\n");
        return this;
    }

    ReportPage paragraph(String cssClass, String text) {
        body.append("<p class=\"").append(cssClass).append("\">").append(Markup.escape(text)).append("</p>\n");
        return this;
    }

    /** A section left out or empty, and why. */
    ReportPage note(String section, String text) {
        body.append("<p class=\"note\" data-note=\"").append(Markup.escape(section)).append("\">")
                .append(Markup.escape(text)).append("</p>\n");
        return this;
    }

    /** Good news where a section might have had content: no rejects, say. */
    ReportPage fine(String section, String text) {
        body.append("<p class=\"note ok\" data-note=\"").append(Markup.escape(section)).append("\">")
                .append(Markup.escape(text)).append("</p>\n");
        return this;
    }

    ReportPage openGrid() {
        body.append("<div class=\"grid\">\n");
        return this;
    }

    ReportPage closeGrid() {
        body.append("</div>\n");
        return this;
    }

    /** A legend in the order given: name, colour, name, colour, ... */
    static Map<String, String> legend(String... namesAndColours) {
        Map<String, String> legend = new java.util.LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndColours.length; i += 2) {
            legend.put(namesAndColours[i], namesAndColours[i + 1]);
        }
        return legend;
    }

    /** A chart with its title, legend (name → colour) and caption. */
    ReportPage figure(String kind, String camera, String heading, String svg, Map<String, String> legend,
            String caption) {
        body.append("<figure class=\"chart\" data-chart=\"").append(kind).append("\" data-camera=\"")
                .append(Markup.escape(camera)).append("\">").append(svg);
        if (!legend.isEmpty()) {
            body.append("<ul class=\"legend\">");
            legend.forEach((name, color) -> body.append("<li><span style=\"background:").append(color).append("\"></span>")
                    .append(Markup.escape(name)).append("</li>"));
            body.append("</ul>");
        }
        body.append("<figcaption><span class=\"title\">").append(Markup.escape(heading)).append("</span> — ")
                .append(Markup.escape(caption)).append("</figcaption></figure>\n");
        return this;
    }

    String render() {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Markup.escape(title) + "</title><style>" + STYLE + "</style><script>" + WATCH
                + "</script></head>\n<body><main>\n<ul id=\"js-errors\" hidden></ul>\n" + body
                + "</main><script>" + READY + "</script></body></html>\n";
    }
}
