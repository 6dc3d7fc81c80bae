package org.fusioncell.web;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops a production start-up without a database URL before any bean exists. Without it Spring
 * would quietly start on an in-memory H2 (on the class path for the embedded mode) and lose
 * everything at shutdown. Boot's failure analyser prints the reason without a stack trace.
 */
@Component
@Profile("prod")
class ProductionDatabaseCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    static final String REASON = "the prod profile needs a database: set FUSIONCELL_DB_URL "
            + "(e.g. jdbc:postgresql://db.internal:5432/fusioncell) or spring.datasource.url in the --config file";

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            throw new InvalidConfigurationPropertyValueException("spring.datasource.url", "", REASON);
        }
    }
}
