package vn.thidua.domain.participation;

import vn.thidua.domain.shared.Answered;
import vn.thidua.domain.shared.Outcome;

/**
 * The answer to an attachment or a withdrawal: what it recorded ({@code UNCHANGED} when the same bytes were
 * already attached to the same report and indicator, or the file was already withdrawn) and the file's id.
 */
public record EvidenceState(Outcome outcome, String evidenceId) implements Answered {
}
