/**
 * ringtail as an SLF4J 2 provider. Its API is {@code dev.ringtail.slf4j}: the provider, the logger
 * type SLF4J hands out, and {@code Ringtail} (flush, shutdown, stats), and
 * {@code dev.ringtail.slf4j.spring}, the Spring Boot logging system, which Spring instantiates
 * reflectively; Spring Boot itself is optional ({@code requires static}).
 */
@SuppressWarnings("requires-automatic") // Spring's jars have no descriptor, only an Automatic-Module-Name
module dev.ringtail.slf4j {
    requires transitive dev.ringtail.core;
    requires transitive org.slf4j;
    requires java.logging;
    requires jul.to.slf4j;

    requires static spring.boot;
    requires static spring.core;

    exports dev.ringtail.slf4j;
    exports dev.ringtail.slf4j.spring;

    provides org.slf4j.spi.SLF4JServiceProvider with dev.ringtail.slf4j.RingtailServiceProvider;
}
