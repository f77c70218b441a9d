package org.dutygraph.platform.jobs;

import java.time.Clock;
import java.util.List;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/jobs} (ADMIN, as every actuator path but health and info): the jobs running in any instance on
 * the graph, read from their leases, so that an operator of several instances sees which one runs which job and
 * how far it got, whichever instance answers; and for every job, how its latest run went (when it finished, how long
 * it took, whether it failed), running or idle.
 */
@Component
@Endpoint(id = "jobs")
public class JobsEndpoint {

    /** One lease as shown: whether it still holds and whether the answering instance is its holder. */
    public record Running(
            String job,
            String instance,
            boolean thisInstance,
            boolean lapsed,
            String until,
            String renewedAt,
            String progress,
            String lastRun) {}

    /** A job nobody runs now, with how its latest run went. */
    public record Idle(String job, String lastRun) {}

    public record Jobs(String thisInstance, List<Running> running, List<Idle> idle) {}

    private final JobLeases leases;
    private final Clock clock;

    JobsEndpoint(JobLeases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    @ReadOperation
    public Jobs jobs() {
        var now = clock.instant();
        var all = leases.all();
        return new Jobs(
                leases.instance(),
                all.stream()
                        .filter(lease -> lease.holder() != null)
                        .map(lease -> new Running(
                                lease.name(),
                                lease.holder(),
                                lease.holder().equals(leases.instance()),
                                lease.until().isBefore(now),
                                lease.until().toString(),
                                lease.renewedAt() == null
                                        ? null
                                        : lease.renewedAt().toString(),
                                lease.progress(),
                                lease.lastRun()))
                        .toList(),
                all.stream()
                        .filter(lease -> lease.holder() == null)
                        .map(lease -> new Idle(lease.name(), lease.lastRun()))
                        .toList());
    }
}
