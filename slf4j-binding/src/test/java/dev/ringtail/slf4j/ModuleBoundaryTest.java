package dev.ringtail.slf4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ringtail.Level;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The module descriptors keep the API small: the core exports one package, the provider two (its
 * API and the Spring Boot logging system Spring instantiates), the machinery open only to the
 * provider; Spring Boot is never required.
 */
class ModuleBoundaryTest {

    @Test
    void theProviderModuleExportsItsApiAndItsSpringPackageAndProvidesTheSlf4jService() throws Exception {
        ModuleDescriptor provider = descriptorBeside(RingtailLogger.class);

        assertThat(provider.name()).isEqualTo("dev.ringtail.slf4j");
        assertThat(provider.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactlyInAnyOrder("dev.ringtail.slf4j", "dev.ringtail.slf4j.spring");
        assertThat(provider.exports()).allMatch(e -> !e.isQualified());
        assertThat(provider.requires()).filteredOn(r -> r.name().startsWith("spring."))
                .extracting(ModuleDescriptor.Requires::name).containsExactlyInAnyOrder("spring.boot", "spring.core");
        assertThat(provider.requires()).filteredOn(r -> r.name().startsWith("spring."))
                .allMatch(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC), "optional: requires static");
        assertThat(provider.provides()).singleElement().satisfies(p -> {
            assertThat(p.service()).isEqualTo("org.slf4j.spi.SLF4JServiceProvider");
            assertThat(p.providers()).containsExactly(RingtailServiceProvider.class.getName());
        });
    }

    @Test
    void theCoreModuleExportsItsApiToEveryoneAndItsInternalsOnlyToTheProvider() throws Exception {
        ModuleDescriptor core = descriptorBeside(Level.class);

        assertThat(core.name()).isEqualTo("dev.ringtail.core");
        Set<String> public_ = core.exports().stream().filter(e -> !e.isQualified())
                .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
        assertThat(public_).containsExactly("dev.ringtail");
        assertThat(core.exports()).filteredOn(ModuleDescriptor.Exports::isQualified).allSatisfy(e -> {
            assertThat(e.source()).startsWith("dev.ringtail.internal.");
            assertThat(e.targets()).containsExactly("dev.ringtail.slf4j");
        });
        assertThat(core.packages()).allMatch(p -> p.equals("dev.ringtail") || p.startsWith("dev.ringtail.internal."));
    }

    private static ModuleDescriptor descriptorBeside(Class<?> type) throws URISyntaxException {
        Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<ModuleReference> modules = ModuleFinder.of(location).findAll();
        assertThat(modules).as("a module descriptor in " + location).hasSize(1);
        return modules.iterator().next().descriptor();
    }
}
