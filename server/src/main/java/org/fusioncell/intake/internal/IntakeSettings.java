package org.fusioncell.intake.internal;

import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.fusioncell.intake.Taxonomies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** {@code fusioncell.intake.*}: tag taxonomies, the attachment size limit, the default retention period. */
@ConfigurationProperties("fusioncell.intake")
record IntakeSettings(Map<String, List<String>> taxonomies, Long attachmentMaxBytes, Period retentionDefault) {

    static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    long maxBytes() {
        return attachmentMaxBytes == null ? DEFAULT_MAX_BYTES : attachmentMaxBytes;
    }

    Period retention() {
        return retentionDefault == null ? Period.ofYears(5) : retentionDefault;
    }

    @Configuration
    @EnableConfigurationProperties(IntakeSettings.class)
    static class Beans {

        @Bean
        Taxonomies taxonomies(IntakeSettings settings) {
            return new Taxonomies(settings.taxonomies());
        }

        @Bean
        AttachmentStore attachmentStore(@Value("${fusioncell.data-dir}") Path dataDir) {
            return new AttachmentStore(dataDir.resolve("attachments"));
        }
    }
}
