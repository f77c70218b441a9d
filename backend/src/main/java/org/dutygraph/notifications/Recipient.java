package org.dutygraph.notifications;

/**
 * Who a notification is for: an account, or an opaque key another feature owns (an anonymous
 * citizen following a case has no account; the complaints feature registers devices under a key
 * that names no one).
 */
public record Recipient(String key) {

    public Recipient {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("A recipient key is 1 to 200 characters");
        }
    }

    public static Recipient account(String username) {
        return new Recipient("account:" + username);
    }

    public static Recipient opaque(String feature, String key) {
        return new Recipient(feature + ":" + key);
    }
}
