package io.warden.auth;

import java.util.Locale;
import java.util.regex.Pattern;

/** Client IDs are service-account UUIDs in their canonical 8-4-4-4-12 form. */
public final class ClientIds {

    private static final Pattern UUID_FORM =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ClientIds() {
    }

    public static boolean isClientId(String value) {
        return value != null && UUID_FORM.matcher(value).matches();
    }

    /** Returns the canonical lowercase form under which ids are stored. */
    public static String canonical(String clientId) {
        return clientId.toLowerCase(Locale.ROOT);
    }
}
