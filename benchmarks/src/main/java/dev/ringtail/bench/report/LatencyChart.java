package dev.ringtail.bench.report;

import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG line chart: latency percentiles on the x axis, nanoseconds on a log-scale y
 * axis, one line per logger. No dependency, so the docs regenerate anywhere a JDK runs.
 */
final class LatencyChart {
    static final double[] PERCENTILES = {50, 90, 99, 99.9, 99.99};
    private static final String[] X_LABELS = {"p50", "p90", "p99", "p99.9", "p99.99"};
    private static final int WIDTH = 860;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 270;
    private static final int TOP = 50;
    private static final int BOTTOM = 50;

    /** One line: values in nanoseconds, one per {@link #PERCENTILES} entry (NaN = missing). */
    record Series(String label, String color, boolean dashed, double[] nanos) {
    }

    private LatencyChart() {
    }

    static String svg(String title, List<Series> series) {
        double min = Double.MAX_VALUE;
        double max = 0;
        for (Series s : series) {
            for (double v : s.nanos()) {
                if (v > 0 && !Double.isNaN(v)) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (max == 0) {
            min = 1;
            max = 10;
        }
        int lowDecade = (int) Math.floor(Math.log10(min));
        int highDecade = Math.max(lowDecade + 1, (int) Math.ceil(Math.log10(max)));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;

        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"28\" font-size=\"15\" font-weight=\"bold\">%s</text>%n",
                LEFT, escape(title)));
        for (int d = lowDecade; d <= highDecade; d++) {
            double y = TOP + plotH - plotH * (d - lowDecade) / (highDecade - lowDecade);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>%n",
                    LEFT, y, LEFT + plotW, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#444\">%s</text>%n",
                    LEFT - 8, y + 4, decadeLabel(d)));
        }
        for (int i = 0; i < PERCENTILES.length; i++) {
            double x = x(i, plotW);
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#eee\"/>%n",
                    x, TOP, x, TOP + plotH));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#444\">%s</text>%n",
                    x, TOP + plotH + 20, X_LABELS[i]));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#444\">"
                + "latency percentile (JMH SampleTime)</text>%n", LEFT + plotW / 2, HEIGHT - 10));
        svg.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\""
                + " fill=\"#444\">time per log call (log scale)</text>%n", TOP + plotH / 2));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\""
                + " stroke=\"#999\"/>%n", LEFT, TOP, plotW, plotH));

        int legendY = TOP + 8;
        for (Series s : series) {
            String dash = s.dashed() ? " stroke-dasharray=\"6 4\"" : "";
            StringBuilder points = new StringBuilder();
            StringBuilder dots = new StringBuilder();
            for (int i = 0; i < PERCENTILES.length; i++) {
                double v = s.nanos()[i];
                if (Double.isNaN(v) || v <= 0) {
                    continue;
                }
                double x = x(i, plotW);
                double y = TOP + plotH - plotH * (Math.log10(v) - lowDecade) / (highDecade - lowDecade);
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
                dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n",
                        x, y, s.color()));
            }
            svg.append(String.format(Locale.ROOT, "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>%n",
                    points.toString().trim(), s.color(), dash));
            svg.append(dots);
            double lx = LEFT + plotW + 16;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\""
                    + " stroke-width=\"2\"%s/>%n", lx, legendY, lx + 26, legendY, s.color(), dash));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", lx + 32, legendY + 4,
                    escape(s.label())));
            legendY += 20;
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static double x(int i, double plotW) {
        return LEFT + plotW * (i + 0.5) / PERCENTILES.length;
    }

    static String decadeLabel(int decade) {
        String[] units = {"ns", "\u00b5s", "ms", "s"};
        int unit = Math.max(0, Math.min(3, Math.floorDiv(decade, 3)));
        long value = (long) Math.pow(10, decade - 3 * unit);
        if (decade < 0) {
            return String.format(Locale.ROOT, "%s ns", Double.toString(Math.pow(10, decade)));
        }
        return value + " " + units[unit];
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
