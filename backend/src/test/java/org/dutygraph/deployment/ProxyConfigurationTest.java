package org.dutygraph.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import org.dutygraph.platform.ratelimit.AnonymousRateLimiter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The proxy-level alternative to per-instance anonymous rate limits (README "Several instances"): infra/nginx's zones
 * count anonymous callers per address with the backend's default rates, and every anonymous entry point passes one.
 * nginx itself is not run here (no nginx on the build machines); this reads what an operator deploys.
 */
class ProxyConfigurationTest {

    private static final String CONF = read();

    private static String read() {
        try {
            return Files.readString(InfraFiles.INFRA.resolve("nginx/dutygraph.conf"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final AnonymousRateLimiter.Limits DEFAULTS = new Binder(new MapConfigurationPropertySource())
            .bindOrCreate("dutygraph.rate-limits", AnonymousRateLimiter.Limits.class);

    @Test
    void anonymousRequestsAreCountedPerAddressAtTheBackendsRate() {
        assertThat(CONF)
                .containsPattern(
                        "map \\$http_authorization \\$dutygraph_anonymous \\{\\s+\"\"\\s+\\$binary_remote_addr;");
        assertThat(CONF)
                .contains("limit_req_zone $dutygraph_anonymous zone=dutygraph_anonymous:10m rate="
                        + DEFAULTS.fieldsPerMinute() + "r/m;");
        assertThat(burst("/graphql")).isEqualTo(DEFAULTS.fieldsPerMinute());
        assertThat(burst("/open311/")).isEqualTo(DEFAULTS.fieldsPerMinute());
        assertThat(CONF).contains("limit_req_status 429;");
    }

    @Test
    void uploadsAreCountedPerAddressWithTheBackendsHourlyAllowanceAsBurst() {
        assertThat(CONF).contains("limit_req_zone $binary_remote_addr zone=dutygraph_uploads:10m");
        assertThat(zone("/complaints/photos")).isEqualTo("dutygraph_uploads");
        assertThat(burst("/complaints/photos")).isEqualTo(DEFAULTS.uploadsPerHour());
    }

    @Test
    void theBackendsSeeTheCallersAddressAndNothingIsLogged() {
        assertThat(CONF).contains("proxy_set_header X-Forwarded-For $remote_addr;");
        assertThat(CONF).contains("access_log off;");
        assertThat(CONF).doesNotContain("$http_user_agent");
        assertThat(CONF).containsPattern("location /actuator/ \\{[^}]*return 404;|return 404;\\s+}");
    }

    private static String block(String path) {
        var m = Pattern.compile("location (= )?" + Pattern.quote(path) + " \\{([^}]*)}")
                .matcher(CONF);
        assertThat(m.find()).as("a location for " + path).isTrue();
        assertThat(m.group(2)).contains("proxy_pass http://dutygraph_backends;");
        return m.group(2);
    }

    private static int burst(String path) {
        var m = Pattern.compile("limit_req zone=\\w+ burst=(\\d+) nodelay;").matcher(block(path));
        assertThat(m.find()).as("a limit_req in " + path).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String zone(String path) {
        var m = Pattern.compile("limit_req zone=(\\w+)").matcher(block(path));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
