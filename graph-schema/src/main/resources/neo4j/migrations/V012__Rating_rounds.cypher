// Rating rounds (民主测评): rounds, raters fixed at opening, ballot boxes per subject and group, and the raters'
// "has voted" markers, which hold only a keyed hash: unique, so that no rater votes twice even when two ballots race.
CREATE CONSTRAINT rating_round_id IF NOT EXISTS FOR (n:RatingRound) REQUIRE n.id IS UNIQUE;
CREATE INDEX rating_round_state IF NOT EXISTS FOR (n:RatingRound) ON (n.state, n.closesAt);
CREATE INDEX rating_round_key IF NOT EXISTS FOR (n:RatingRound) ON (n.key);
CREATE CONSTRAINT rating_eligibility_key IF NOT EXISTS FOR (n:RatingEligibility) REQUIRE n.key IS UNIQUE;
CREATE INDEX rating_eligibility_person IF NOT EXISTS FOR (n:RatingEligibility) ON (n.personId);
CREATE CONSTRAINT rating_ballot_box_key IF NOT EXISTS FOR (n:RatingBallotBox) REQUIRE n.key IS UNIQUE;
CREATE INDEX rating_ballot_box_round IF NOT EXISTS FOR (n:RatingBallotBox) ON (n.roundId);
CREATE CONSTRAINT rating_vote_marker_tag IF NOT EXISTS FOR (n:RatingVoteMarker) REQUIRE n.tag IS UNIQUE;
CREATE INDEX rating_vote_marker_round IF NOT EXISTS FOR (n:RatingVoteMarker) ON (n.roundId);
CREATE INDEX rating_round_event_round IF NOT EXISTS FOR (n:RatingRoundEvent) ON (n.roundId);
