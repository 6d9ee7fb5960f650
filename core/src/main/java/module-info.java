/**
 * ringtail's core. Its API is {@code dev.ringtail}: levels, the stats snapshots and the MXBean
 * interfaces. Everything under {@code dev.ringtail.internal} is machinery, open only to the SLF4J
 * provider and free to change in any release.
 */
@SuppressWarnings({"module", "requires-automatic"}) // the provider is compiled after this; HttpClient has no descriptor
module dev.ringtail.core {
    requires java.management;
    requires com.lmax.disruptor;
    requires com.fasterxml.jackson.core;
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;

    exports dev.ringtail;
    exports dev.ringtail.internal.config to dev.ringtail.slf4j;
    exports dev.ringtail.internal.diag to dev.ringtail.slf4j;
    exports dev.ringtail.internal.event to dev.ringtail.slf4j;
    exports dev.ringtail.internal.level to dev.ringtail.slf4j;
    exports dev.ringtail.internal.ring to dev.ringtail.slf4j;
    exports dev.ringtail.internal.sink to dev.ringtail.slf4j;
}
