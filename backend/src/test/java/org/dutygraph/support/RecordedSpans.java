package org.dutygraph.support;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The spans the service ends while a test records them, as an OTLP exporter would receive them: the API tests run
 * with every request traced (sampling 1.0), so a test can check what a trace backend would be told.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordedSpans {

    private static final List<SpanData> SPANS = new CopyOnWriteArrayList<>();
    private static volatile boolean recording;

    /** Starts recording, forgetting what was recorded before. */
    public static void start() {
        SPANS.clear();
        recording = true;
    }

    /** Stops recording and returns what was recorded. */
    public static List<SpanData> stop() {
        recording = false;
        return List.copyOf(SPANS);
    }

    @Bean
    SpanProcessor recordedSpans() {
        return new SpanProcessor() {
            @Override
            public void onStart(Context parentContext, ReadWriteSpan span) {}

            @Override
            public boolean isStartRequired() {
                return false;
            }

            @Override
            public void onEnd(ReadableSpan span) {
                if (recording) {
                    SPANS.add(span.toSpanData());
                }
            }

            @Override
            public boolean isEndRequired() {
                return true;
            }
        };
    }
}
