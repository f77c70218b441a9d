package org.dutygraph.complaints;

import java.util.List;
import org.springframework.stereotype.Service;

/** Public case lookups for the Open311 facade. */
@Service
public class Open311Cases {

    private final CitizenCaseStore store;

    Open311Cases(CitizenCaseStore store) {
        this.store = store;
    }

    public List<PublicCase> byNumber(String number) {
        return store.publicCases(number, null, 1);
    }

    public List<PublicCase> published(String category, int limit) {
        return store.publicCases(null, category, limit);
    }
}
