package org.dutygraph.notifications.api;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.dutygraph.notifications.Announcements;
import org.dutygraph.notifications.DeviceRegistry;
import org.dutygraph.notifications.DeviceView;
import org.dutygraph.notifications.InboxStore;
import org.dutygraph.notifications.NotificationTexts;
import org.dutygraph.notifications.NotificationView;
import org.dutygraph.notifications.PushChannels;
import org.dutygraph.notifications.PushOutbox;
import org.dutygraph.notifications.PushView;
import org.dutygraph.notifications.Recipient;
import org.dutygraph.platform.graphql.Connection;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.Languages;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.dutygraph.platform.neo4j.GraphTransactions;
import org.dutygraph.security.Role;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;

/** Devices, the inbox, announcements and dead pushes. Who may call: see notifications.graphqls. */
@Controller
class NotificationsController {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;

    private final DeviceRegistry devices;
    private final InboxStore inbox;
    private final PushChannels channels;
    private final Announcements announcements;
    private final PushOutbox outbox;
    private final GraphTransactions graph;
    private final Clock clock;

    NotificationsController(
            DeviceRegistry devices,
            InboxStore inbox,
            PushChannels channels,
            Announcements announcements,
            PushOutbox outbox,
            GraphTransactions graph,
            Clock clock) {
        this.devices = devices;
        this.inbox = inbox;
        this.channels = channels;
        this.announcements = announcements;
        this.outbox = outbox;
        this.graph = graph;
        this.clock = clock;
    }

    record RegisterDeviceInput(String token, String platform, String channel, String locale) {}

    record RegisterDevicePayload(DeviceView device, List<UserError> errors) {}

    record UnregisterDeviceInput(String token) {}

    record UnregisterDevicePayload(boolean removed, List<UserError> errors) {}

    record MarkNotificationsReadInput(List<String> ids, Boolean all) {}

    record MarkNotificationsReadPayload(int unreadCount, List<UserError> errors) {}

    record SendAnnouncementInput(List<String> usernames, List<Role> roles, String title, String body) {}

    record SendAnnouncementPayload(int recipients, List<UserError> errors) {}

    record ReplayPushesInput(List<String> ids, Boolean all) {}

    record ReplayPushesPayload(int replayed, List<UserError> errors) {}

    @QueryMapping
    Connection<NotificationView> inbox(@Argument Boolean unreadOnly, @Argument Integer first, @Argument String after) {
        var me = me();
        return Connection.page(
                first,
                after,
                (cursor, limit) -> inbox.page(me, Boolean.TRUE.equals(unreadOnly), cursor, limit),
                NotificationView::key);
    }

    @QueryMapping
    int unreadNotificationCount() {
        return inbox.unreadCount(me());
    }

    @QueryMapping
    NotificationView notification(@Argument String id) {
        return inbox.find(me(), id).orElse(null);
    }

    @QueryMapping
    Connection<DeviceView> myDevices(@Argument Integer first, @Argument String after) {
        var me = me();
        return Connection.page(first, after, (cursor, limit) -> devices.page(me, cursor, limit), DeviceView::id);
    }

    @QueryMapping
    Connection<PushView> deadPushes(@Argument Integer first, @Argument String after) {
        return Connection.page(first, after, outbox::dead, PushView::key);
    }

    @MutationMapping
    RegisterDevicePayload registerDevice(@Argument RegisterDeviceInput input) {
        var channel = (input.channel() == null ? "FCM" : input.channel()).toLowerCase(Locale.ROOT);
        if (!DeviceRegistry.isToken(input.token())) {
            return new RegisterDevicePayload(
                    null,
                    List.of(UserError.of("INVALID_TOKEN", Text.of(NotificationTexts.INVALID_TOKEN), "input", "token")));
        }
        if (input.locale() != null && !Languages.isTag(input.locale())) {
            return new RegisterDevicePayload(
                    null,
                    List.of(UserError.of(
                            "INVALID_LOCALE", Text.of(NotificationTexts.INVALID_LOCALE), "input", "locale")));
        }
        if (!channels.supports(channel)) {
            return new RegisterDevicePayload(
                    null,
                    List.of(UserError.of(
                            "UNSUPPORTED_CHANNEL",
                            Text.of(NotificationTexts.UNSUPPORTED_CHANNEL, input.channel()),
                            "input",
                            "channel")));
        }
        var device = devices.register(me(), input.token(), input.platform(), channel, input.locale(), clock.instant());
        return new RegisterDevicePayload(device, List.of());
    }

    @MutationMapping
    UnregisterDevicePayload unregisterDevice(@Argument UnregisterDeviceInput input) {
        return new UnregisterDevicePayload(devices.unregister(me(), input.token()), List.of());
    }

    @MutationMapping
    MarkNotificationsReadPayload markNotificationsRead(@Argument MarkNotificationsReadInput input) {
        var all = Boolean.TRUE.equals(input.all());
        if (all == (input.ids() != null)) {
            return new MarkNotificationsReadPayload(
                    inbox.unreadCount(me()),
                    List.of(UserError.of("ONE_OF", Text.of(PlatformTexts.IDS_OR_ALL), "input")));
        }
        var me = me();
        var unread = graph.write(() -> {
            inbox.markRead(me, all ? null : input.ids(), clock.instant());
            return inbox.unreadCount(me);
        });
        return new MarkNotificationsReadPayload(unread, List.of());
    }

    @MutationMapping
    SendAnnouncementPayload sendAnnouncement(@Argument SendAnnouncementInput input) {
        var errors = new ArrayList<UserError>();
        var usernames = input.usernames() == null ? List.<String>of() : input.usernames();
        var roles = input.roles() == null ? List.<Role>of() : input.roles();
        if (usernames.isEmpty() && roles.isEmpty()) {
            errors.add(UserError.of("REQUIRED", Text.of(NotificationTexts.NAME_RECIPIENTS), "input", "usernames"));
        }
        checkText(errors, "title", input.title(), MAX_TITLE);
        checkText(errors, "body", input.body(), MAX_BODY);
        var recipients = announcements.recipients(usernames, roles);
        var known = new HashSet<>(recipients);
        for (int i = 0; i < usernames.size(); i++) {
            if (!known.contains(usernames.get(i))) {
                errors.add(UserError.of(
                        "NOT_FOUND",
                        Text.of(NotificationTexts.NO_ACCOUNT, usernames.get(i)),
                        "input",
                        "usernames",
                        String.valueOf(i)));
            }
        }
        if (!errors.isEmpty()) {
            return new SendAnnouncementPayload(0, errors);
        }
        return new SendAnnouncementPayload(
                announcements.send(
                        recipients, input.title().strip(), input.body().strip()),
                List.of());
    }

    @MutationMapping
    ReplayPushesPayload replayPushes(@Argument ReplayPushesInput input) {
        var all = Boolean.TRUE.equals(input.all());
        if (all == (input.ids() != null)) {
            return new ReplayPushesPayload(
                    0, List.of(UserError.of("ONE_OF", Text.of(PlatformTexts.IDS_OR_ALL), "input")));
        }
        var replayed = outbox.replay(all ? null : input.ids(), clock.instant());
        var errors = new ArrayList<UserError>();
        if (!all) {
            for (int i = 0; i < input.ids().size(); i++) {
                if (!replayed.contains(input.ids().get(i))) {
                    errors.add(UserError.of(
                            "NOT_DEAD",
                            Text.of(NotificationTexts.NOT_DEAD, input.ids().get(i)),
                            "input",
                            "ids",
                            String.valueOf(i)));
                }
            }
        }
        return new ReplayPushesPayload(replayed.size(), errors);
    }

    @SchemaMapping(typeName = "Device")
    String channel(DeviceView device) {
        return device.channel().toUpperCase(Locale.ROOT);
    }

    @SchemaMapping(typeName = "Push")
    String state(PushView push) {
        return push.state().toUpperCase(Locale.ROOT);
    }

    private static void checkText(List<UserError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(UserError.of("REQUIRED", Text.of(PlatformTexts.NOT_BLANK, field), "input", field));
        } else if (value.strip().length() > max) {
            errors.add(UserError.of("TOO_LONG", Text.of(PlatformTexts.AT_MOST_CHARACTERS, field, max), "input", field));
        }
    }

    private static Recipient me() {
        return Recipient.account(
                SecurityContextHolder.getContext().getAuthentication().getName());
    }
}
