package org.dutygraph.platform.calendar;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The calendar every feature counts working days with; an office's files are read at start-up. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarConfiguration.CalendarSettings.class)
class CalendarConfiguration {

    /**
     * {@code dutygraph.calendar.*}.
     *
     * @param directory a directory of {@code <year>.txt} working-day calendars that replace or add to the shipped
     *                  years (read at start-up)
     */
    @ConfigurationProperties("dutygraph.calendar")
    record CalendarSettings(Path directory) {}

    @Bean
    WorkingDays workingDays(CalendarSettings settings) {
        return CalendarFiles.load(settings.directory());
    }
}
