package org.dutygraph.org.bundle;

import java.util.Set;

/** A bundle that passed validation, with what the writer needs to know about duty holders. */
@org.springframework.modulith.NamedInterface("bundle")
public record ValidatedBundle(Bundle bundle, Set<String> postIds) {

    public boolean heldByPost(Bundle.Duty duty) {
        return postIds.contains(duty.holderId());
    }
}
