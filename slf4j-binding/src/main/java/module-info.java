/**
 * ringtail as an SLF4J 2 provider. Its API is {@code dev.ringtail.slf4j}: the provider, the logger
 * type SLF4J hands out, and {@code Ringtail} (flush, shutdown, stats).
 */
module dev.ringtail.slf4j {
    requires transitive dev.ringtail.core;
    requires transitive org.slf4j;
    requires java.logging;
    requires jul.to.slf4j;

    exports dev.ringtail.slf4j;

    provides org.slf4j.spi.SLF4JServiceProvider with dev.ringtail.slf4j.RingtailServiceProvider;
}
