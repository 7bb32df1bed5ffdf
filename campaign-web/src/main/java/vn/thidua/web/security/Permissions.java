package vn.thidua.web.security;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import vn.thidua.domain.shared.Role;

/**
 * Who may do what (DESIGN.md): each method answers the actor a permitted action is recorded under, or refuses
 * with 403 before any command is sent, so a refused request records nothing.
 */
@Component
public class Permissions {

    /** Any signed-in user, in the first of its roles (a comment on a public notice is open to everyone). */
    public Actor anyone(AppUser user) {
        Role role = java.util.Arrays.stream(Role.values()).filter(user::has).findFirst()
                .orElseThrow(() -> new AccessDeniedException("user " + user.username() + " has no role"));
        return new Actor(user.username(), user.unitCode(), role);
    }

    public Actor operator(AppUser user) {
        return requireRole(user, Role.OPERATOR, "only an operator may do this");
    }

    public Actor board(AppUser user) {
        return requireRole(user, Role.BOARD, "only the provincial emulation and commendation board may do this");
    }

    public Actor operatorOrBoard(AppUser user) {
        if (user.has(Role.OPERATOR)) {
            return new Actor(user.username(), user.unitCode(), Role.OPERATOR);
        }
        return board(user);
    }

    /** The head of the cluster for this campaign: a cluster head bound to the campaign's head unit. */
    public Actor headOf(AppUser user, String headUnit) {
        if (user.has(Role.CLUSTER_HEAD) && user.actsFor(headUnit)) {
            return new Actor(user.username(), user.unitCode(), Role.CLUSTER_HEAD);
        }
        throw new AccessDeniedException("only the cluster head (unit " + headUnit + ") may do this");
    }

    /** A unit acts for itself only: its officer, or the cluster head when the unit is the head's own. */
    public Actor officerOf(AppUser user, String unitCode) {
        if (user.has(Role.UNIT_OFFICER) && user.actsFor(unitCode)) {
            return new Actor(user.username(), user.unitCode(), Role.UNIT_OFFICER);
        }
        if (user.has(Role.CLUSTER_HEAD) && user.actsFor(unitCode)) {
            return new Actor(user.username(), user.unitCode(), Role.CLUSTER_HEAD);
        }
        throw new AccessDeniedException("user " + user.username() + " may not act for unit " + unitCode);
    }

    /**
     * The actor a verification is recorded under: the board, else the user's unit as its cluster head or officer.
     * Whether that actor may verify a campaign's reports is the participation's rule (Verifiers), not decided here.
     */
    public Actor verifier(AppUser user) {
        for (Role role : List.of(Role.BOARD, Role.CLUSTER_HEAD, Role.UNIT_OFFICER)) {
            if (user.has(role) && (role == Role.BOARD || user.unitCode() != null)) {
                return new Actor(user.username(), user.unitCode(), role);
            }
        }
        throw new AccessDeniedException("only a cluster head or the board verifies reports");
    }

    private static Actor requireRole(AppUser user, Role role, String message) {
        if (!user.has(role)) {
            throw new AccessDeniedException(message);
        }
        return new Actor(user.username(), user.unitCode(), role);
    }
}
