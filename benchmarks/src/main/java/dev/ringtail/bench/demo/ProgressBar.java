package dev.ringtail.bench.demo;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * A text progress bar redrawn in place on a terminal; without one (a pipe, CI) it prints a line
 * at each quarter so logs stay short.
 */
final class ProgressBar implements AutoCloseable {
    private static final int WIDTH = 30;
    private static final long REDRAW_MILLIS = 100;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final LongSupplier done;
    private final boolean terminal;
    private final Thread painter;
    private volatile boolean running = true;
    private int lastQuarter = -1;

    ProgressBar(PrintStream out, String label, long total, LongSupplier done, boolean terminal) {
        this.out = out;
        this.label = label;
        this.total = Math.max(1, total);
        this.done = done;
        this.terminal = terminal;
        this.painter = new Thread(this::paintLoop, "demo-progress");
        painter.setDaemon(true);
        painter.start();
    }

    private void paintLoop() {
        while (running) {
            paint(false);
            try {
                Thread.sleep(REDRAW_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private synchronized void paint(boolean last) {
        long n = Math.min(done.getAsLong(), total);
        int percent = (int) (100 * n / total);
        if (terminal) {
            int filled = (int) (WIDTH * n / total);
            out.print(String.format(Locale.ROOT, "\r  %-9s [%s%s] %3d%% %,d/%,d", label, "#".repeat(filled),
                    ".".repeat(WIDTH - filled), percent, n, total));
            if (last) {
                out.println();
            }
            out.flush();
        } else if (percent / 25 > lastQuarter || last) {
            lastQuarter = percent / 25;
            out.println(String.format(Locale.ROOT, "  %-9s %3d%% %,d/%,d", label, percent, n, total));
        }
    }

    @Override
    public void close() {
        running = false;
        painter.interrupt();
        try {
            painter.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (terminal || lastQuarter < 4) {
            paint(true);
        }
    }
}
