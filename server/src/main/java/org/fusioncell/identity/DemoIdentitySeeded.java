package org.fusioncell.identity;

import java.util.Map;

/**
 * Published once, inside the seeding transaction, when the demo cell's organisations, agreements
 * and users have been created (profile {@code dev}, first start). Keys are the demo's short names
 * ("cell", "police", "neighbour"… for organisations and agreements; usernames for users), so other
 * modules can seed demo data that refers to them.
 */
public record DemoIdentitySeeded(Map<String, String> organisations, Map<String, String> agreements,
                                 Map<String, String> users) {

    public DemoIdentitySeeded {
        organisations = Map.copyOf(organisations);
        agreements = Map.copyOf(agreements);
        users = Map.copyOf(users);
    }
}
