package vn.thidua.web.seed;

import vn.thidua.domain.campaign.ApproveLeagueTable;
import vn.thidua.domain.scoring.LeagueRow;
import vn.thidua.query.league.LeagueTableQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.spring.config.SpringAxonConfiguration;
import vn.thidua.command.ballot.BallotBox;
import vn.thidua.domain.ballot.CastVote;
import vn.thidua.domain.ballot.Choice;
import vn.thidua.domain.ballot.CloseBallot;
import vn.thidua.domain.shared.StreamIds;
import vn.thidua.eventstore.EventTable;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import vn.thidua.command.support.CampaignTermsLookup;
import vn.thidua.command.support.ClusterDirectory;
import vn.thidua.web.app.CommandSender;
import vn.thidua.web.config.AppClock;
import vn.thidua.web.security.Actor;
import vn.thidua.web.security.UserStore;

import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

/**
 * The embedded demo: replays the 2021 Cluster II history through the command gateway, opens the current year's
 * campaign, and gives every demo user a password printed once at start-up. Runs only where
 * {@code thidua.demo.enabled} is true (the embedded default) and only what is missing.
 * <p>
 * Each replayed command carries the instant of its step as {@link AppClock#RECORDED_AT}: the application clock
 * answers that instant while that command alone is handled, so its deadline checks and its events' timestamps are
 * those of the step, and no clock anyone else reads is moved. The seed runs as a lifecycle phase after Axon has
 * started (command bus, event store, processors) and before the web server starts, so no request is served until
 * the history is written.
 */
@Component
public class DemoSeeder implements SmartLifecycle {
    /**
     * After Axon's configuration (its lifecycle phase starts the command bus, the event store and the event
     * processors), before the web server's (which opens the connectors).
     */
    static final int PHASE = SpringAxonConfiguration.LIFECYCLE_PHASE + 512;

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final boolean enabled;
    private final String fixedPassword;
    private final CommandGateway gateway;
    private final AppClock clock;
    private final ClusterDirectory clusters;
    private final CampaignTermsLookup campaigns;
    private final UserStore users;
    private final LeagueTableQueries leagueTables;
    private final BallotBox box;
    private final EventTable events;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean running;
    private final boolean embedded;
    private final vn.thidua.web.evidence.EvidenceContent evidence;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public DemoSeeder(@Value("${thidua.demo.enabled:false}") boolean enabled,
                      @Value("${thidua.demo.password:}") String fixedPassword,
                      @Value("${spring.datasource.url:}") String databaseUrl, CommandGateway gateway,
                      AppClock clock, ClusterDirectory clusters, CampaignTermsLookup campaigns, UserStore users,
                      LeagueTableQueries leagueTables,
                      vn.thidua.web.evidence.EvidenceContent evidence,
                      org.springframework.transaction.PlatformTransactionManager transactions,
                      BallotBox box, EventTable events) {
        this.leagueTables = leagueTables;
        this.evidence = evidence;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.box = box;
        this.events = events;
        this.enabled = enabled;
        this.embedded = databaseUrl.startsWith("jdbc:h2:");
        this.fixedPassword = fixedPassword;
        this.gateway = gateway;
        this.clock = clock;
        this.clusters = clusters;
        this.campaigns = campaigns;
        this.users = users;
    }

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        if (clusters.findCluster(ClusterTwoSeed.CLUSTER_CODE).isEmpty()) {
            log.info("Seeding the 2021 Cluster II campaign from the launch letter…");
            replay(ClusterTwoSeed.history2021());
        }
        if (events.lastSequenceOf(StreamIds.ballot(ClusterTwoSeed.BALLOT_2021)).isEmpty()) {
            replay(ClusterTwoSeed.ballot2021());
        }
        List<SeedStep> current = ClusterTwoSeed.currentYear(clock.instant());
        String currentId = ClusterTwoSeed.campaignIdFor(clock.instant().atZone(ClusterTwoSeed.ZONE).getYear());
        if (campaigns.find(currentId).isEmpty()) {
            replay(current);
        }
        printDemoUsers();
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /**
     * Sends each step's command as its actor at its recorded time. A vote's choices then go into the ballot box, as
     * BallotService does; a close takes its ballots from the box, shuffled, and empties it.
     */
    private void replay(List<SeedStep> steps) {
        for (SeedStep step : steps) {
            Actor actor = new Actor(step.actorUser(), step.actorUnit(), step.actorRole());
            if (step.command() instanceof SeedEvidence file) {
                attach(step, actor, file);
                continue;
            }
            Object command = withRows(step.command());
            if (command instanceof CloseBallot close && close.ballots() == null) {
                command = new CloseBallot(close.ballotId(), box.shuffled(close.ballotId()));
            }
            gateway.sendAndWait(command, metadataFor(step, actor));
            if (command instanceof CastVote vote) {
                Map<String, Choice> choices = new TreeMap<>();
                vote.choices().forEach((candidate, choice) -> choices.put(candidate, Choice.valueOf(choice)));
                box.drop(vote.ballotId(), choices);
            } else if (command instanceof CloseBallot close) {
                box.empty(close.ballotId());
            }
        }
    }

    /** The meeting approves the table it saw: computed from the events seeded so far, as the service does. */
    private Object withRows(Object command) {
        if (command instanceof ApproveLeagueTable a && a.rows() == null) {
            LeagueTableQueries.Draft draft = leagueTables.approvalDraft(a.campaignId());
            return new ApproveLeagueTable(a.campaignId(), a.approvalId(), a.meetingDate(), a.note(),
                    draft.table().rulesVersion(), draft.position(), draft.table().rows(),
                    draft.table().rows().stream().filter(LeagueRow::provisional).map(LeagueRow::unitCode).toList());
        }
        return command;
    }

    /**
     * An evidence PDF made now, its bytes stored and its attachment sent in one transaction (as an upload is):
     * never an event without its bytes.
     */
    private void attach(SeedStep step, Actor actor, SeedEvidence file) {
        byte[] bytes = SeedPdfs.pdf(file.title(), file.lines());
        String sha256;
        try {
            sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        String evidenceId = UUID.nameUUIDFromBytes((file.campaignId() + "/" + file.unitCode() + "/"
                + file.periodCode() + "/" + file.fileName()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        transaction.executeWithoutResult(tx -> {
            evidence.store(sha256, bytes.length, new java.io.ByteArrayInputStream(bytes));
            gateway.sendAndWait(new vn.thidua.domain.participation.AttachEvidence(file.campaignId(), file.unitCode(),
                    file.periodCode(), evidenceId, sha256, file.fileName(), "application/pdf", bytes.length,
                    file.indicatorCode(), file.note(), actor.unit(), actor.user()), metadataFor(step, actor));
        });
    }

    /** Who sent the step's command, as any command carries it, and when the history says it was sent. */
    static MetaData metadataFor(SeedStep step, Actor actor) {
        return CommandSender.metadataFor(actor, "seed-" + UUID.randomUUID(), null)
                .and(AppClock.RECORDED_AT, step.at());
    }

    /**
     * Demo users with generated passwords, printed once, on the embedded demo only. Elsewhere (PostgreSQL with
     * THIDUA_DEMO=true) a password is never printed: the demo users exist only with a chosen
     * {@code thidua.demo.password}.
     */
    private void printDemoUsers() {
        if (!embedded && fixedPassword.isBlank()) {
            log.warn("Demo data seeded without demo users: outside the embedded database their passwords are never"
                    + " printed; set thidua.demo.password (THIDUA_DEMO_PASSWORD) to create them with a chosen one");
            return;
        }
        if (!fixedPassword.isBlank()) {
            for (DemoUser demo : ClusterTwoSeed.demoUsers()) {
                users.createOrReset(demo.username(), fixedPassword, demo.displayName(), EnumSet.of(demo.role()),
                        demo.unitCode());
            }
            log.info("Demo users created or reset with the configured demo password");
            return;
        }
        StringBuilder table = new StringBuilder("\n\n  Thi đua — demo users (passwords valid until the next start)\n");
        table.append("  ").append("-".repeat(72)).append('\n');
        for (DemoUser demo : ClusterTwoSeed.demoUsers()) {
            String password = generate();
            users.createOrReset(demo.username(), password, demo.displayName(), EnumSet.of(demo.role()),
                    demo.unitCode());
            table.append(String.format("  %-12s %-22s %-14s %s%n", demo.username(), password, demo.role(),
                    demo.unitCode() == null ? "" : demo.unitCode()));
        }
        table.append("  ").append("-".repeat(72)).append('\n');
        System.out.println(table);
    }

    private String generate() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
