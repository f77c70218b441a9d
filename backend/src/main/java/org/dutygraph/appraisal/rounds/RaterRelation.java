package org.dutygraph.appraisal.rounds;

/** How a rater group is made for each subject (see rating-rounds.graphqls and docs/appraisal.md). */
public enum RaterRelation {
    SUPERVISING_LEADERS,
    UNIT_STAFF,
    STAFF_OF_UNITS,
    PERSONS
}
