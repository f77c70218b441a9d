package org.dutygraph.platform.time;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of time: every feature injects this {@link Clock} (in {@code dutygraph.zone}) instead of calling
 * {@code now()}, so tests move time instead of waiting. Durations are measured with {@code System.nanoTime()}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ZoneSettings.class)
class TimeConfiguration {

    @Bean
    Clock clock(ZoneSettings settings) {
        return Clock.system(settings.zone());
    }
}
