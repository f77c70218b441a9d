package org.dutygraph.cases;

import java.util.Set;

/**
 * Where a case comes from. An open set of kinds, not a closed enum: a feature that learns to open cases (e-supervision
 * red cards, appraisal events) adds its kind here and an effect handler in this module calling
 * {@link AccountabilityCases#openFromSource}; the schema carries the kind as a string.
 */
public final class CaseSources {

    public static final String COMPLAINT = "COMPLAINT";
    public static final String SPOT_CHECK = "SPOT_CHECK";
    public static final String CLUE = "CLUE";
    public static final String APPRAISAL_EVENT = "APPRAISAL_EVENT";
    public static final String CITIZEN_RANKING = "CITIZEN_RANKING";
    public static final String E_SUPERVISION = "E_SUPERVISION";
    /** A case extended to a unit's leaders by a joint-responsibility rule; its source is the case it extends. */
    public static final String JOINT = "JOINT";

    public static final Set<String> KINDS =
            Set.of(COMPLAINT, SPOT_CHECK, CLUE, APPRAISAL_EVENT, CITIZEN_RANKING, E_SUPERVISION, JOINT);

    /** Channels of a clue entered by hand: media report, public-opinion monitoring, a letter, anything else. */
    public static final Set<String> CLUE_CHANNELS = Set.of("MEDIA", "PUBLIC_OPINION", "LETTER", "OTHER");

    private CaseSources() {}
}
