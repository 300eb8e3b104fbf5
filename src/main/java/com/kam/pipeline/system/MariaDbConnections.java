package com.kam.pipeline.system;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Connection settings the pipeline needs on MariaDB whatever URL the operator gives: local
 * infile, so the ingest can stream checked rows through {@code LOAD DATA LOCAL INFILE}.
 */
@Component
class MariaDbConnections implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                && hikari.getJdbcUrl().startsWith("jdbc:mariadb:")) {
            hikari.addDataSourceProperty("allowLocalInfile", "true");
        }
        return bean;
    }
}
