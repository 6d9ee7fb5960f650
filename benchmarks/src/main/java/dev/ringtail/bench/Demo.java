package dev.ringtail.bench;

/** Placeholder until the SLF4J binding lands. */
public final class Demo {
    private Demo() {
    }

    public static void main(String[] args) {
        System.out.println("demo: not yet");
    }
}
