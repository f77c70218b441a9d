package org.dutygraph.cases;

import org.dutygraph.platform.graphql.NotAuthorizedException;
import org.springframework.stereotype.Component;

/** Whether a caller is the supervision office, which keeps the catalogue and runs cases. */
@Component
public class CaseOffices {

    private final CaseAudiences audiences;

    CaseOffices(CaseAudiences audiences) {
        this.audiences = audiences;
    }

    public boolean isOffice(CaseCaller caller) {
        return audiences.office(caller);
    }

    public void requireOffice(CaseCaller caller) {
        if (!audiences.office(caller)) {
            throw new NotAuthorizedException(true, org.dutygraph.platform.i18n.Text.of(CaseTexts.OFFICE_ONLY));
        }
    }
}
