package org.dutygraph.cases;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dutygraph.cases.CaseViews.Audience;
import org.dutygraph.cases.CaseViews.CaseView;
import org.springframework.stereotype.Component;

/**
 * Who sees a case: the supervision office (inspectors of {@code dutygraph.cases.office-unit-ids}) and the level above
 * that decides appeals see every case; the leaders of a unit (holding a leading post there today) see the cases of
 * their unit and the units under it once registered; the person concerned sees their own once registered; no one else.
 * A draft dismissed without being registered was never registered: it stays with the office and the level above.
 */
@Component
class CaseAudiences {

    private final CaseSettings settings;
    private final CaseStore store;
    private final Clock clock;

    CaseAudiences(CaseSettings settings, CaseStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    boolean office(CaseCaller caller) {
        return caller.inspector()
                && caller.unitId() != null
                && settings.officeUnitIds().contains(caller.unitId());
    }

    boolean appealBoard(CaseCaller caller) {
        return caller.inspector()
                && caller.unitId() != null
                && settings.appealUnitIds().contains(caller.unitId());
    }

    /** The units whose cases the caller sees as a leader (empty for one who leads none). Call inside a transaction. */
    List<String> ledUnits(CaseCaller caller) {
        return caller.personId() == null ? List.of() : store.ledUnits(caller.personId(), LocalDate.now(clock));
    }

    /** How the caller sees this case, or empty when they may not. Call inside a transaction. */
    Optional<Audience> of(CaseCaller caller, CaseView c) {
        if (office(caller)) {
            return Optional.of(Audience.OFFICE);
        }
        if (appealBoard(caller)) {
            return Optional.of(Audience.APPEAL_BOARD);
        }
        if (!c.registered()) {
            // a draft, or a draft dismissed as no matter for accountability: the office's alone
            return Optional.empty();
        }
        if (caller.personId() != null && caller.personId().equals(c.personId())) {
            return Optional.of(Audience.CONCERNED);
        }
        return ledUnits(caller).contains(c.unitId()) ? Optional.of(Audience.LEADER) : Optional.empty();
    }
}
