package dev.ringtail.bench;

/**
 * JVM arguments for benchmark forks. Every fork pins its SLF4J provider, so providers in the uber-jar
 * never clash and a peer's fork never starts ringtail's consumer threads behind its back.
 */
final class Forks {
    /** SLF4J answers with no-op loggers: for forks that drive a logger through its own API. */
    static final String NO_SLF4J_PROVIDER = "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider";

    /**
     * ringtail is the SLF4J provider (so {@code org.slf4j.MDC} is ringtail's), with no sink of its
     * own: the benchmarks give their loggers a pipeline with the sink they need.
     */
    static final String RINGTAIL_PROVIDER = "-Dslf4j.provider=dev.ringtail.slf4j.RingtailServiceProvider";
    static final String RINGTAIL_QUIET = "-Dringtail.console=false";
    static final String RINGTAIL_NO_HOOK = "-Dringtail.shutdownHook=false";
    /**
     * A source token in the environment would make the provider start a BetterStack sink; it gets no
     * events from the benchmarks, but point it at loopback anyway so a run can never ship anything.
     */
    static final String RINGTAIL_NOWHERE = "-Dringtail.betterstack.endpoint=http://127.0.0.1:9/";

    /**
     * The loopback receiver is the JDK's HttpServer, which writes a response's headers and its
     * body in two segments: without TCP_NODELAY a small body (OTLP/JSON's {@code {}}) waits for
     * the client's delayed ACK, about 40 ms per request, and the row measures that instead of the
     * sender. Every end-to-end row runs with it, whatever the sender.
     */
    static final String RECEIVER_NODELAY = "-Dsun.net.httpserver.nodelay=true";

    private Forks() {
    }
}
