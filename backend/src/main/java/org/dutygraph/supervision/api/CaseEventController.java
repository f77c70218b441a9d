package org.dutygraph.supervision.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.Messages;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.supervision.CaseEventIntake;
import org.dutygraph.supervision.QueueIntake;
import org.dutygraph.supervision.SystemCredentials;
import org.dutygraph.supervision.events.JsonLines;
import org.dutygraph.supervision.events.LineProblem;
import org.dutygraph.supervision.events.LineTexts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /supervision/events}: a batch of case events (JSON lines) from a service-hall or approval system,
 * signed with the system's HTTP Basic credentials. Answers what was kept and every bad line with its field.
 */
@RestController
class CaseEventController {

    static final long MAX_BYTES = 16L << 20;

    private final CaseEventIntake intake;
    private final QueueIntake queue;
    private final SystemCredentials credentials;
    private final Messages messages;

    CaseEventController(CaseEventIntake intake, QueueIntake queue, SystemCredentials credentials, Messages messages) {
        this.intake = intake;
        this.queue = queue;
        this.credentials = credentials;
        this.messages = messages;
    }

    /** {@code POST /supervision/queue}: a batch of queue snapshots (JSON lines), signed as case events are. */
    @PostMapping("/supervision/queue")
    ResponseEntity<Map<String, Object>> queue(
            @RequestHeader(value = "Authorization", required = false) String authorization, HttpServletRequest request)
            throws IOException {
        var system = credentials.system(authorization);
        if (system.isEmpty()) return unauthorized(language(request));
        if (request.getContentLengthLong() > MAX_BYTES) return tooLarge(language(request));
        QueueIntake.Result result;
        try {
            result = queue.ingest(system.get(), JsonLines.utf8(new Bounded(request.getInputStream())));
        } catch (TooLarge e) {
            return tooLarge(language(request));
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("kept", result.kept());
        answer.put("replayed", result.replayed());
        answer.put("late", result.late());
        answer.put("raised", result.raised());
        answer.put("cleared", result.cleared());
        answer.put("problems", problems(result.problems(), language(request)));
        return ResponseEntity.ok(answer);
    }

    /** The caller's language by Accept-Language; Chinese without one (not the server's default locale). */
    private static Locale language(HttpServletRequest request) {
        return Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
    }

    /** Each problem with its message in the caller's language (Accept-Language; Chinese by default). */
    private List<Map<String, Object>> problems(List<LineProblem> problems, Locale locale) {
        return problems.stream()
                .map(p -> Map.<String, Object>of(
                        "line",
                        p.line(),
                        "field",
                        p.field(),
                        "code",
                        p.code(),
                        "message",
                        messages.render(p.message(), locale)))
                .toList();
    }

    private ResponseEntity<Map<String, Object>> unauthorized(Locale locale) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header("WWW-Authenticate", "Basic realm=\"supervision\"")
                .body(error("UNAUTHENTICATED", LineTexts.SYSTEM_CREDENTIALS, locale));
    }

    @PostMapping("/supervision/events")
    ResponseEntity<Map<String, Object>> events(
            @RequestHeader(value = "Authorization", required = false) String authorization, HttpServletRequest request)
            throws IOException {
        var system = credentials.system(authorization);
        if (system.isEmpty()) return unauthorized(language(request));
        if (request.getContentLengthLong() > MAX_BYTES) {
            return tooLarge(language(request));
        }
        var body = new Bounded(request.getInputStream());
        CaseEventIntake.Result result;
        try {
            result = intake.ingest(system.get(), JsonLines.utf8(body));
        } catch (TooLarge e) {
            return tooLarge(language(request));
        }
        var answer = new LinkedHashMap<String, Object>();
        answer.put("kept", result.kept());
        answer.put("replayed", result.replayed());
        answer.put("problems", problems(result.problems(), language(request)));
        return ResponseEntity.ok(answer);
    }

    private ResponseEntity<Map<String, Object>> tooLarge(Locale locale) {
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                .body(error("PAYLOAD_TOO_LARGE", LineTexts.BATCH_TOO_LARGE, locale));
    }

    private Map<String, Object> error(String code, LineTexts text, Locale locale) {
        return Map.of(
                "errors",
                List.of(Map.of("message", messages.render(Text.of(text), locale), "extensions", Map.of("code", code))));
    }

    private static final class TooLarge extends IOException {
        TooLarge() {
            super("batch too large");
        }
    }

    /** The body as it arrives, refused past {@link #MAX_BYTES} whatever the declared length said. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long read;

        Bounded(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && ++read > MAX_BYTES) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0 && (read += n) > MAX_BYTES) throw new TooLarge();
            return n;
        }
    }
}
