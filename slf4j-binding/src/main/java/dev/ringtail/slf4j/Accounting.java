package dev.ringtail.slf4j;

import dev.ringtail.PipelineStats;
import dev.ringtail.SinkStats;

/** The one-line account of a pipeline's counters that a rebuild prints for the pipeline it replaced. */
final class Accounting {
    private Accounting() {
    }

    /** {@code accepted 12, dropped 0 (console delivered 12, failed 0)}. */
    static String summary(PipelineStats stats) {
        StringBuilder line = new StringBuilder("accepted ").append(stats.accepted())
                .append(", dropped ").append(stats.dropped()).append(" (");
        String separator = "";
        for (SinkStats sink : stats.sinks()) {
            line.append(separator).append(sink.name()).append(" delivered ").append(sink.delivered())
                    .append(", failed ").append(sink.failed());
            separator = "; ";
        }
        return line.append(')').toString();
    }
}
