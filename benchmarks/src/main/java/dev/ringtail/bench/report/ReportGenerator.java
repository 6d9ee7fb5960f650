package dev.ringtail.bench.report;

public final class ReportGenerator {
    private ReportGenerator() {
    }

    public static void main(String[] args) {
    }
}
