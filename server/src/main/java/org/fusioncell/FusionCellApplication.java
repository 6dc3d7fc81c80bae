package org.fusioncell;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * FusionCell server: one deployable, its capabilities as Spring Modulith application modules
 * (the top-level packages beside this class). {@code shared} holds ids, clock, problem details and
 * pagination that every module may use.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "shared")
public class FusionCellApplication {

    public static void main(String[] args) {
        SpringApplication.run(FusionCellApplication.class, args);
    }
}
