/**
 * Devices, inbox, push outbox and delivery. Features send through the base package; a feature with a push
 * channel of its own implements {@code notifications::push} ({@code PushProvider}).
 */
@ApplicationModule(
        displayName = "Notifications",
        allowedDependencies = {"platform::*", "security"})
package org.dutygraph.notifications;

import org.springframework.modulith.ApplicationModule;
