package org.dutygraph.notifications;

import com.google.firebase.FirebaseApp;
import java.util.ArrayList;
import org.dutygraph.notifications.push.FcmConfiguration;
import org.dutygraph.notifications.push.PushProvider;
import org.dutygraph.notifications.push.RecordingPushProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * FCM when {@code dutygraph.notifications.fcm.project-id} is set, a recording provider otherwise; other
 * channels are added by declaring {@link PushProvider} beans.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class PushConfiguration {

    @Bean(destroyMethod = "delete")
    @ConditionalOnProperty(prefix = "dutygraph.notifications.fcm", name = "project-id")
    FirebaseApp firebaseApp(NotificationSettings settings) {
        return FcmConfiguration.app(settings.fcm());
    }

    @Bean
    PushChannels pushChannels(
            ObjectProvider<FirebaseApp> firebase, ObjectProvider<PushProvider> others, java.time.Clock clock) {
        var providers = new ArrayList<PushProvider>(others.orderedStream().toList());
        var app = firebase.getIfAvailable();
        providers.add(app != null ? FcmConfiguration.provider(app, clock) : new RecordingPushProvider());
        return new PushChannels(providers);
    }
}
