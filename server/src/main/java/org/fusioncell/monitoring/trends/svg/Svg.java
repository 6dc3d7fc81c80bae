package org.fusioncell.monitoring.trends.svg;

import java.util.Locale;

/**
 * Writes SVG text: escaping, coordinates with one decimal in every locale, and the accessible opening
 * ({@code role="img"}, {@code <title>} and {@code <desc>} named by {@code aria-labelledby}). Presentation
 * goes in attributes and classes of {@code trends.css}: the pages' Content-Security-Policy refuses
 * inline style. The SVG keeps the left-to-right text direction even in Arabic, so that
 * {@code text-anchor="end"} always means "ends at x": the callers mirror the layout themselves.
 */
final class Svg {

    private final StringBuilder out = new StringBuilder(8192);

    Svg(String id, double width, double height, String title, String description, boolean rightToLeft) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"").append(escape(id))
                .append("\" class=\"trends-chart\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height))
                .append("\" role=\"img\" aria-labelledby=\"").append(escape(id)).append("-title ")
                .append(escape(id)).append("-desc\"").append(rightToLeft ? " data-layout=\"rtl\"" : "").append('>')
                .append("<title id=\"").append(escape(id)).append("-title\">").append(escape(title)).append("</title>")
                .append("<desc id=\"").append(escape(id)).append("-desc\">").append(escape(description)).append("</desc>");
    }

    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    Svg text(double x, double y, String anchor, String cssClass, String text) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" class=\"").append(cssClass).append("\">").append(escape(text)).append("</text>");
        return this;
    }

    Svg line(double x1, double y1, double x2, double y2, String cssClass) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" class=\"").append(cssClass).append("\"/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String cssClass, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" class=\"").append(cssClass).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        return closeWithTooltip("rect", tooltip);
    }

    Svg circle(double cx, double cy, double r, String cssClass, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" class=\"").append(cssClass).append('"');
        return closeWithTooltip("circle", tooltip);
    }

    Svg path(String d, String cssClass, String fill, String dataAttributes, String tooltip) {
        out.append("<path d=\"").append(d).append("\" class=\"").append(cssClass).append('"');
        if (fill != null) {
            out.append(" fill=\"").append(fill).append('"');
        }
        if (dataAttributes != null) {
            out.append(' ').append(dataAttributes);
        }
        return closeWithTooltip("path", tooltip);
    }

    private Svg closeWithTooltip(String element, String tooltip) {
        if (tooltip == null) {
            out.append("/>");
        } else {
            out.append("><title>").append(escape(tooltip)).append("</title></").append(element).append('>');
        }
        return this;
    }

    String end() {
        return out.append("</svg>").toString();
    }

    static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A step between axis ticks of 1, 2 or 5 × 10^k giving about {@code ticks} ticks up to {@code max}. */
    static double niceStep(double max, int ticks) {
        double raw = Math.max(max, 1) / ticks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double f = raw / magnitude;
        double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
        return Math.max(1, nice * magnitude);
    }
}
