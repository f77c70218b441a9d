package org.dutygraph.complaints;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.dutygraph.complaints.receipts.Receipts;
import org.dutygraph.org.read.OrgNouns;
import org.dutygraph.platform.graphql.UserError;
import org.dutygraph.platform.i18n.PlatformTexts;
import org.dutygraph.platform.i18n.Text;
import org.springframework.stereotype.Service;

/**
 * Citizens rate a window or section after service, once per service case number. The number itself is
 * not kept (it leads to the citizen's file), only a keyed tag of it that makes a second rating fail.
 */
@Service
public class ServiceRatings {

    public static final List<String> LEVELS =
            List.of("VERY_SATISFIED", "SATISFIED", "FAIRLY_SATISFIED", "DISSATISFIED", "VERY_DISSATISFIED");

    private final ServiceRatingStore ratings;
    private final ComplaintStore complaints;
    private final Receipts receipts;
    private final Clock clock;

    ServiceRatings(ServiceRatingStore ratings, ComplaintStore complaints, Receipts receipts, Clock clock) {
        this.ratings = ratings;
        this.complaints = complaints;
        this.receipts = receipts;
        this.clock = clock;
    }

    /**
     * The unit is looked up first and the rating created alone (not in one transaction with the lookup): a second
     * rating of the case is refused by the database, which fails the transaction it runs in.
     */
    public List<UserError> rate(String serviceCaseNumber, String unitId, String level, List<String> indicators) {
        var errors = new ArrayList<UserError>();
        var number = serviceCaseNumber == null ? "" : serviceCaseNumber.strip().toUpperCase(Locale.ROOT);
        if (number.isEmpty() || number.length() > 64) {
            errors.add(UserError.of(
                    "INVALID_LENGTH",
                    Text.of(ComplaintTexts.SERVICE_CASE_NUMBER_LENGTH),
                    "input",
                    "serviceCaseNumber"));
        }
        if (!complaints.unitExists(unitId)) {
            errors.add(UserError.of(
                    "NOT_FOUND", Text.of(PlatformTexts.NO_SUCH_ID, Text.of(OrgNouns.UNIT), unitId), "input", "unitId"));
        }
        if (!errors.isEmpty()) {
            return errors;
        }
        var rating = new ServiceRatingStore.Rating(
                receipts.tag("service-case", number),
                unitId,
                level,
                5 - LEVELS.indexOf(level),
                indicators == null ? List.of() : List.copyOf(new TreeSet<>(indicators)),
                clock.millis());
        if (!ratings.create(rating)) {
            return List.of(
                    UserError.of("ALREADY_RATED", Text.of(ComplaintTexts.ALREADY_RATED), "input", "serviceCaseNumber"));
        }
        return List.of();
    }
}
