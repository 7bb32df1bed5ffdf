package vn.thidua.web.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.thidua.domain.shared.Role;

import java.util.List;

/** The sign-in audit for operators and auditors: failed sign-ins and lockouts, newest first. */
@RestController
@RequestMapping("/api/v1/admin/sign-in-events")
public class SignInEventsController {
    public record Page(List<SignInEvents.Entry> entries) {
    }

    private final SignInEvents events;

    public SignInEventsController(SignInEvents events) {
        this.events = events;
    }

    @GetMapping
    public Page list(@AuthenticationPrincipal AppUser user, @RequestParam(required = false) String username,
                     @RequestParam(required = false) SignInEvents.Outcome outcome,
                     @RequestParam(defaultValue = "200") int limit) {
        if (!user.has(Role.OPERATOR) && !user.has(Role.AUDITOR)) {
            throw new AccessDeniedException("only an operator or an auditor may read the sign-in audit");
        }
        return new Page(events.recent(username, outcome, limit));
    }
}
