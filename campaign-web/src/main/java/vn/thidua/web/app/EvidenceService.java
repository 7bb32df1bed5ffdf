package vn.thidua.web.app;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.thidua.domain.participation.AttachEvidence;
import vn.thidua.domain.participation.EvidenceState;
import vn.thidua.domain.participation.WithdrawEvidence;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.query.evidence.EvidenceQueries;
import vn.thidua.query.evidence.EvidenceRow;
import vn.thidua.web.evidence.EvidenceContent;
import vn.thidua.web.evidence.EvidenceTypes;
import vn.thidua.web.evidence.EvidenceUpload;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.Permissions;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence (minh chứng): a file attached to a report by the report's unit, withdrawn by it, read by whoever reads
 * the report. An upload is spooled to a temporary file while it is hashed, typed from its bytes, then its bytes are
 * stored and its command sent <em>in one database transaction</em> (Axon's Spring transaction manager joins it): a
 * refused command takes the bytes it brought with it, and an event is never stored without its bytes. The
 * projections are waited for (when the caller asks) only after that transaction commits.
 */
@Service
public class EvidenceService {
    private static final int ATTEMPTS = 4;

    private final CommandGateway gateway;
    private final ConsistencyWait consistency;
    private final Permissions permissions;
    private final TransactionTemplate transaction;
    private final EvidenceContent content;
    private final EvidenceQueries queries;
    private final EvidenceTypes types = new EvidenceTypes();
    private final long maxBytes;

    public EvidenceService(CommandBus commandBus, ConsistencyWait consistency, Permissions permissions,
                           PlatformTransactionManager transactions, EvidenceContent content, EvidenceQueries queries,
                           @Value("${thidua.evidence.max-bytes:20971520}") long maxBytes) {
        // A gateway of its own, without the shared one's retry on a lost race: that retry runs on another thread,
        // outside this transaction. The race is retried here instead, the whole transaction again (attach).
        this.gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.consistency = consistency;
        this.permissions = permissions;
        this.transaction = new TransactionTemplate(transactions);
        this.content = content;
        this.queries = queries;
        this.maxBytes = maxBytes;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /** What an attachment recorded, and the file as it was attached (or as it already stood, for the same bytes). */
    public record Attached(EvidenceState state, String sha256, String fileName, String mediaType, long size,
                           String indicatorCode, String note, String uploadedBy, EvidenceRow row) {
    }

    /**
     * Attaches {@code file} (read to its end here) to a report, by the unit's officer (or the cluster head for the
     * head's own unit). Refused before anything is stored: not permitted (403), too large (413), empty (400),
     * a type not accepted (415); by the participation: no report, closed campaign, unknown indicator.
     */
    public Dispatched<Attached> attach(Caller caller, String campaignId, String unitCode, String periodCode,
                                       InputStream file, String originalName, String indicatorCode, String note) {
        Actor actor = permissions.officerOf(caller.user(), unitCode);
        String indicator = indicatorCode == null || indicatorCode.isBlank() ? null : indicatorCode.strip();
        String noteText = note == null || note.isBlank() ? null : note.strip();
        try (EvidenceUpload upload = EvidenceUpload.spool(file, originalName, maxBytes, types)) {
            AttachEvidence command = new AttachEvidence(campaignId, unitCode, periodCode, UUID.randomUUID().toString(),
                    upload.sha256(), upload.fileName(), upload.mediaType(), upload.size(), indicator, noteText,
                    actor.unit(), actor.user());
            EvidenceState state = null;
            for (int attempt = 1; state == null; attempt++) {
                try {
                    state = transaction.execute(tx -> {
                        try (InputStream bytes = upload.open()) {
                            content.store(upload.sha256(), upload.size(), bytes);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        return (EvidenceState) gateway.sendAndWait(command, CommandSender.metadataFor(actor,
                                caller.correlationId(), caller.clientRequestId()));
                    });
                } catch (ConcurrencyException | AggregateStreamCreationException raced) {
                    if (attempt >= ATTEMPTS) {
                        throw raced;
                    }
                }
            }
            String notCaughtUp = awaitProjections(caller, campaignId, unitCode);
            EvidenceRow row = queries.byId(state.evidenceId()).orElse(null);
            return new Dispatched<>(new Attached(state, upload.sha256(), upload.fileName(), upload.mediaType(),
                    upload.size(), indicator, noteText, actor.user(), row), notCaughtUp);
        }
    }

    /** Withdraws a file, with a reason, by the unit that attached it, before its report is verified. */
    public Dispatched<EvidenceState> withdraw(Caller caller, String evidenceId, String reason) {
        EvidenceRow row = file(evidenceId);
        Actor actor = permissions.officerOf(caller.user(), row.unitCode());
        EvidenceState state = (EvidenceState) gateway.sendAndWait(
                new WithdrawEvidence(row.campaignId(), row.unitCode(), evidenceId, reason, actor.unit()),
                CommandSender.metadataFor(actor, caller.correlationId(), caller.clientRequestId()));
        return new Dispatched<>(state, awaitProjections(caller, row.campaignId(), row.unitCode()));
    }

    /** One file as the evidence read model holds it, or 404. */
    public EvidenceRow file(String evidenceId) {
        return queries.byId(evidenceId).orElseThrow(() -> new NotFound("evidence", evidenceId));
    }

    /** A file's bytes, streamed. */
    public Optional<InputStream> bytes(EvidenceRow row) {
        return content.open(row.sha256());
    }

    public List<EvidenceRow> ofReport(String campaignId, String unitCode, String periodCode) {
        return queries.forReport(campaignId, unitCode, periodCode);
    }

    public List<EvidenceRow> ofUnit(String campaignId, String unitCode) {
        return queries.forUnit(campaignId, unitCode);
    }

    public List<EvidenceRow> ofCampaign(String campaignId) {
        return queries.forCampaign(campaignId);
    }

    private String awaitProjections(Caller caller, String campaignId, String unitCode) {
        return caller.consistency().await()
                ? consistency.await(StreamIds.participation(campaignId, unitCode), caller.consistency()) : null;
    }
}
