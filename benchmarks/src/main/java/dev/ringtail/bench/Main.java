package dev.ringtail.bench;

import java.util.Arrays;

/**
 * The benchmarks jar's entry point: {@code demo} runs the load demo, {@code report} regenerates
 * docs/benchmarks.md from a JMH JSON result, anything else goes to JMH unchanged (so {@code -l},
 * {@code -h} and benchmark patterns work as with a plain JMH jar).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "";
        String[] rest = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        switch (command) {
            case "demo":
                dev.ringtail.bench.demo.Demo.main(rest);
                break;
            case "report":
                dev.ringtail.bench.report.ReportGenerator.main(rest);
                break;
            default:
                org.openjdk.jmh.Main.main(args);
        }
    }
}
