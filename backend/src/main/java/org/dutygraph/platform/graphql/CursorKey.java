package org.dutygraph.platform.graphql;

import java.util.Base64;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Installs {@code dutygraph.graphql.cursor-key} (base64, 32 bytes or more) for {@link CursorSeal} when set. */
@Component
class CursorKey {

    CursorKey(@Value("${dutygraph.graphql.cursor-key:}") String base64) {
        if (!base64.isBlank()) {
            CursorSeal.useKey(Base64.getDecoder().decode(base64.trim()));
        }
    }
}
