package dev.ringtail.bench;

import dev.ringtail.PipelineStats;

/**
 * One line per trial with what happened to the events, so a reader of the run log can tell an
 * enqueue number measured on an accepting ring from one measured on a full ring.
 */
final class Outcomes {
    private Outcomes() {
    }

    static void print(String benchmark, PipelineStats stats) {
        System.out.println("[outcome] " + benchmark + ": " + stats);
    }

    static void print(String benchmark, String text) {
        System.out.println("[outcome] " + benchmark + ": " + text);
    }
}
