package dev.ringtail.bench.report;

/** A part of the document's body, written from one run's results onto the end of the document. */
abstract class Section {
    final SuiteResults suite;
    final StringBuilder md;

    Section(SuiteResults suite, StringBuilder md) {
        this.suite = suite;
        this.md = md;
    }

    /** Appends this part. */
    abstract void write();
}
