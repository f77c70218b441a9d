package org.dutygraph.platform.graphql;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Liveness is CORRECT from the moment the web server listens. Spring Boot says so only once the context has
 * started, after the beans that start after the web server (the periodic jobs): until then the liveness probe
 * answered 503, as if the process were broken, while {@link NotReadyYet} already answered GraphQL as not ready.
 */
@Component
class AliveOnceListening implements ApplicationListener<WebServerInitializedEvent> {

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        AvailabilityChangeEvent.publish(event.getApplicationContext(), LivenessState.CORRECT);
    }
}
