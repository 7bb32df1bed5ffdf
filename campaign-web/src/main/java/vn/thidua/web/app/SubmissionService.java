package vn.thidua.web.app;

import org.springframework.stereotype.Service;
import vn.thidua.domain.participation.PledgeState;
import vn.thidua.domain.participation.ReportState;
import vn.thidua.domain.participation.SubmitPledge;
import vn.thidua.domain.participation.SubmitReport;
import vn.thidua.domain.participation.Verdict;
import vn.thidua.domain.participation.VerifyReport;
import vn.thidua.eventstore.EventStreams;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.Permissions;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A unit's submissions: its pledge, its period reports and their verification, as the REST API, the forms and the
 * Excel import ask for them; and what the unit has submitted so far, as the write side holds it.
 */
@Service
public class SubmissionService {
    private final CommandSender commands;
    private final Permissions permissions;
    private final EventStreams streams;

    public SubmissionService(CommandSender commands, Permissions permissions, EventStreams streams) {
        this.commands = commands;
        this.permissions = permissions;
        this.streams = streams;
    }

    /** The unit's pledge, first or revised, by its officer (or the cluster head for the head's own unit). */
    public Dispatched<PledgeState> pledge(Caller caller, String campaignId, String unitCode,
                                          Map<String, BigDecimal> targets) {
        Actor actor = permissions.officerOf(caller.user(), unitCode);
        return commands.dispatch(actor, caller, new SubmitPledge(campaignId, unitCode, targets), PledgeState.class);
    }

    /** A period's report, or its correction (which needs a reason), by the unit's officer. */
    public Dispatched<ReportState> report(Caller caller, String campaignId, String unitCode, String periodCode,
                                          Map<String, BigDecimal> values, String reason) {
        Actor actor = permissions.officerOf(caller.user(), unitCode);
        return commands.dispatch(actor, caller, new SubmitReport(campaignId, unitCode, periodCode, values, reason),
                ReportState.class);
    }

    /**
     * The verdict on a report, optionally fixing values (each changed value with its reason); the participation
     * decides who may give it (the head, the board, or an inspector sent to the unit for the period).
     */
    public Dispatched<ReportState> verify(Caller caller, String campaignId, String unitCode, String periodCode,
                                          Verdict verdict, String comment, Map<String, BigDecimal> verifiedValues,
                                          Map<String, String> reasons) {
        Actor actor = permissions.verifier(caller.user());
        return commands.dispatch(actor, caller, new VerifyReport(campaignId, unitCode, periodCode, verdict, comment,
                verifiedValues, actor.role(), actor.unit(), reasons == null ? Map.of() : reasons), ReportState.class);
    }

    /** What the unit has submitted, folded from its participation stream (no projection lag). */
    public Submissions submissions(String campaignId, String unitCode) {
        return Submissions.read(streams, campaignId, unitCode);
    }
}
