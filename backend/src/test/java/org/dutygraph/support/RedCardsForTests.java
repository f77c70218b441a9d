package org.dutygraph.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dutygraph.platform.effects.EffectHandler;
import org.dutygraph.supervision.SupervisionRedCard;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records the {@link SupervisionRedCard} effects supervision delivers (next to the cases feature's own handler), so
 * that the API tests see them; and the test system's credentials.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RedCardsForTests {

    /** SHA-256 of "zwfw-secret". */
    static final String ZWFW_SECRET_SHA256 = "162421014009cb9b7d95464de772676ad9653eb0842c02c27242cac1098bbabd";

    public static final List<SupervisionRedCard> RECEIVED = new CopyOnWriteArrayList<>();

    @Bean
    EffectHandler<SupervisionRedCard> redCardsForTests() {
        return EffectHandler.of("tests.red-cards", SupervisionRedCard.class, (card, effectId) -> RECEIVED.add(card));
    }
}
