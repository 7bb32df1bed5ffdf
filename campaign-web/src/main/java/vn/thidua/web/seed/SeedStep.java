package vn.thidua.web.seed;

import vn.thidua.domain.shared.Role;

import java.time.Instant;

/**
 * One step of the demo history: at instant {@code at} (the command carries it as its recorded time, see
 * {@code AppClock.RECORDED_AT}, which dates its deadline checks and its events), the actor sends {@code command}
 * through the command gateway. {@code actorUnit} is null for roles not bound to a unit
 * (board, auditor, operator).
 */
public record SeedStep(Instant at, String actorUser, String actorUnit, Role actorRole, Object command) {
}
