// The clues the loop indicators look at: assigned to an agency, not a member merged into a case (members
// follow their case), and not ended by dismissal or transfer (those were never the agency's to fix).
export const LOOP_CLUE = `c.agency_id IS NOT NULL AND (c.case_id IS NULL OR c.case_id = c.id) AND c.status NOT IN ('dismissed', 'transferred')`;

/** The business date of the clue's (last) closing. */
export const CLOSED_ON = `(SELECT CAST(max(e.occurred_at) AS DATE) FROM clue_events e WHERE e.clue_id = c.id AND e.action = 'close')`;
