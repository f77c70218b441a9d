package org.dutygraph.complaints;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.dutygraph.platform.graphql.Rehearsal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Before the service accepts traffic, it sends itself the app's own complaint submission for a while
 * ({@code dutygraph.complaints.rehearsal}, 20 s), in process, from two threads: GraphQL, the checks, routing, case
 * numbers and the creation run as for a citizen, in transactions that are rolled back ({@link SubmissionRehearsals}).
 * Cold, a submission took more than twice the CPU it takes warm (the JIT compilers had not yet compiled Neo4j's Cypher
 * runtime, the driver and graphql-java), so the first citizens after a deployment queued for seconds (the complaint
 * benchmark's COLD line); readiness ({@code NotReadyYet}) waits for this, as it waits for the demo load.
 *
 * <p>Nothing is stored, pushed or counted: the requests are not a client's (no address, not rate limited, not in the
 * request metrics), and their submission ids are random and known only while their request runs.
 */
@Component
@ConditionalOnWebApplication
@Order(Ordered.LOWEST_PRECEDENCE)
class StartupRehearsal implements ApplicationRunner {

    static final String OPERATION = "mutation SubmitComplaint(";
    private static final Logger log = LoggerFactory.getLogger(StartupRehearsal.class);
    private static final int THREADS = 2;
    private static final int SAMPLE = 100;

    private final ObjectProvider<WebGraphQlHandler> handlers;
    private final Rehearsal rehearsal;
    private final SubmissionRehearsals rehearsals;
    private final SubmissionStore store;
    private final Duration duration;
    private final AtomicInteger rehearsed = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    StartupRehearsal(
            ObjectProvider<WebGraphQlHandler> handlers,
            Rehearsal rehearsal,
            SubmissionRehearsals rehearsals,
            SubmissionStore store,
            ComplaintSettings settings) {
        this.handlers = handlers;
        this.rehearsal = rehearsal;
        this.rehearsals = rehearsals;
        this.store = store;
        this.duration = settings.rehearsal();
    }

    /** Submissions rehearsed since start. */
    int rehearsed() {
        return rehearsed.get();
    }

    /** Whether the rehearsal stopped at an unexpected answer before its time was up. */
    boolean stoppedEarly() {
        return failed.get() > 0;
    }

    @Override
    public void run(ApplicationArguments args) throws InterruptedException {
        var handler = handlers.getIfAvailable();
        var document = rehearsal.appDocument(OPERATION);
        if (duration.isZero() || duration.isNegative() || handler == null || document.isEmpty()) {
            return;
        }
        var units = store.read(q -> q.someUnits(SAMPLE));
        var items = store.read(q -> q.somePowerItems(SAMPLE));
        long started = System.nanoTime();
        long until = started + duration.toNanos();
        var threads = new ArrayList<Thread>();
        for (int t = 0; t < THREADS; t++) {
            var thread = new Thread(
                    () -> {
                        SecurityContextHolder.getContext().setAuthentication(REHEARSING);
                        try {
                            while (System.nanoTime() < until && failed.get() == 0) {
                                if (!submit(handler, document.get(), rehearsed.incrementAndGet(), units, items)) {
                                    failed.incrementAndGet();
                                }
                            }
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                    },
                    "complaint-rehearsal-" + t);
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        log.info(
                "Rehearsed {} complaint submissions in {} s before accepting traffic; nothing was stored{}",
                rehearsed.get(),
                String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9),
                failed.get() == 0 ? "" : " (stopped at an unexpected answer, logged above)");
    }

    /**
     * Signed in, with no role: a public field is then not rate limited (the limits are per client address, and this
     * has none), and any other field is refused.
     */
    private static final UsernamePasswordAuthenticationToken REHEARSING =
            UsernamePasswordAuthenticationToken.authenticated("start-up rehearsal", null, List.of());

    private boolean submit(WebGraphQlHandler handler, String document, int i, List<String> units, List<String> items) {
        var submissionId = UUID.randomUUID().toString();
        var target = i % 3 == 0 && !items.isEmpty()
                ? Map.<String, Object>of("powerItemId", items.get(i % items.size()))
                : units.isEmpty()
                        ? Map.<String, Object>of()
                        : Map.<String, Object>of("unitId", units.get(i % units.size()));
        var input = Map.<String, Object>of(
                "submissionId",
                submissionId,
                "target",
                target,
                "category",
                "BUCK_PASSING",
                "description",
                "启动预演：窗口工作人员推诿，要求多次补交材料。" + i);
        var request = new WebGraphQlRequest(
                URI.create("http://localhost/graphql"),
                new HttpHeaders(),
                new LinkedMultiValueMap<>(),
                null,
                Map.of(Rehearsal.ATTRIBUTE, true),
                Map.of("query", document, "variables", Map.of("input", input)),
                submissionId,
                Locale.SIMPLIFIED_CHINESE);
        rehearsals.begin(submissionId);
        try {
            var response = handler.handleRequest(request).block(Duration.ofSeconds(60));
            var payload = response == null
                    ? null
                    : response.field("submitComplaint.receipt").getValue();
            if (response == null || !response.getErrors().isEmpty() || payload == null && !units.isEmpty()) {
                log.warn(
                        "The start-up rehearsal of complaint submissions stopped: an unexpected answer ({})",
                        response == null ? "none" : response.getErrors());
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("The start-up rehearsal of complaint submissions stopped", e);
            return false;
        } finally {
            rehearsals.end(submissionId);
        }
    }
}
