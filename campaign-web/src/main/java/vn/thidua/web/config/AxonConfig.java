package vn.thidua.web.config;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.thidua.command.ballot.BallotBox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import vn.thidua.command.support.EventStoreLookups;
import vn.thidua.command.support.StreamTargetResolver;
import org.axonframework.common.AxonNonTransientException;
import vn.thidua.domain.shared.InvalidValue;
import vn.thidua.domain.shared.MetadataKeys;
import vn.thidua.domain.shared.NotFound;
import vn.thidua.domain.shared.RuleViolation;
import vn.thidua.query.league.CampaignSequencing;
import vn.thidua.eventstore.EventTable;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.common.caching.Cache;
import vn.thidua.domain.commendation.NoticePolicy;
import org.axonframework.common.caching.NoCache;
import org.springframework.beans.factory.annotation.Value;
import vn.thidua.command.support.StoreCheckedAggregateCache;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * Axon as this application runs it: the command gateway and its retries, snapshots and the participation cache,
 * the correlation data every event carries, the app's clock. The event store's tables and serializer are the
 * event-store module's (EventStoreConfiguration).
 */
@Configuration
public class AxonConfig {

    @Bean
    public AppClock appClock() {
        AppClock clock = new AppClock(Clock.systemUTC());
        // Axon's one global clock, set once here: events are stamped by the application's clock, which dates a
        // replayed command's events by the command's own recorded time (AppClock.RECORDED_AT), nobody else's.
        GenericEventMessage.clock = clock;
        return clock;
    }

    /**
     * Two nodes writing the same participation at once: the event table's unique (stream, sequence) key refuses the
     * second append with a ConcurrencyException; the gateway retries it a few times on the new state before the
     * client gets a 409.
     */
    @Bean
    public CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor(r -> {
                            Thread t = new Thread(r, "command-retry");
                            t.setDaemon(true);
                            return t;
                        }))
                        .retryInterval(25).maxRetryCount(4)
                        // A refused command is refused again: only a lost race (ConcurrencyException) is retried.
                        .nonTransientFailurePredicate(t -> t instanceof RuleViolation || t instanceof InvalidValue
                                || t instanceof NotFound || t instanceof AxonNonTransientException
                                || t instanceof IllegalArgumentException || t instanceof IllegalStateException
                                || t instanceof NullPointerException)
                        .build())
                .build();
    }

    /** A participation's history grows with every report: a snapshot every 50 events keeps loading it flat. */
    @Bean
    public SnapshotTriggerDefinition participationSnapshots(Snapshotter snapshotter) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, 50);
    }

    /**
     * Participations stay in memory between commands; each use is confirmed against the stream's last sequence in
     * the store, so this is safe with several nodes (see StoreCheckedAggregateCache). {@code max-entries=0} turns
     * it off (Axon's NoCache: every command loads snapshot and events), which is how the command-path benchmark
     * measures what the cache earns.
     */
    @Bean
    public Cache participationCache(EventTable events,
            @Value("${thidua.aggregate-cache.max-entries:10000}") long maxEntries) {
        return maxEntries <= 0 ? NoCache.INSTANCE : new StoreCheckedAggregateCache(maxEntries, events::lastSequenceOf);
    }

    @Bean
    public MeterBinder participationCacheMetrics(Cache participationCache) {
        return registry -> {
            if (!(participationCache instanceof StoreCheckedAggregateCache cache)) {
                return;
            }
            String name = "thidua.aggregate.cache";
            Gauge.builder(name + ".size", cache, StoreCheckedAggregateCache::size)
                    .tag("aggregate", "Participation").description("Participations held in memory")
                    .register(registry);
            FunctionCounter.builder(name + ".lookups", cache, StoreCheckedAggregateCache::hits)
                    .tag("aggregate", "Participation").tag("result", "hit").register(registry);
            FunctionCounter.builder(name + ".lookups", cache, StoreCheckedAggregateCache::stale)
                    .tag("aggregate", "Participation").tag("result", "stale").register(registry);
            FunctionCounter.builder(name + ".lookups", cache, StoreCheckedAggregateCache::misses)
                    .tag("aggregate", "Participation").tag("result", "miss").register(registry);
        };
    }

    /** How long a commendation proposal stays published for comments (thidua.notice.*). */
    @Bean
    public NoticePolicy noticePolicy(@Value("${thidua.notice.working-days:10}") int workingDays,
                                     @Value("${thidua.notice.holidays:}") String holidays) {
        java.util.Set<java.time.LocalDate> days = new java.util.HashSet<>();
        for (String day : holidays.split(",")) {
            if (!day.isBlank()) {
                days.add(java.time.LocalDate.parse(day.trim()));
            }
        }
        return new NoticePolicy(workingDays, days);
    }

    /** The live league table folds each campaign in one segment (see LeagueTableProjection). */
    @Bean(CampaignSequencing.BEAN_NAME)
    public CampaignSequencing campaignSequencing() {
        return new CampaignSequencing();
    }

    @Bean(StreamTargetResolver.BEAN_NAME)
    public StreamTargetResolver streamTargetResolver() {
        return new StreamTargetResolver();
    }

    /**
     * The secret ballots' box (README, "Secret ballot: threat model"); its ballots sealed under
     * {@code thidua.ballot.box-key} (base64 of 16, 24 or 32 bytes, the same on every node) when one is configured.
     */
    @Bean
    public BallotBox ballotBox(JdbcTemplate jdbc, PlatformTransactionManager transactions,
                               @Value("${thidua.ballot.box-key:}") String boxKey) {
        vn.thidua.command.ballot.BoxSeal seal = vn.thidua.command.ballot.BoxSeal.fromBase64(boxKey);
        if (!seal.sealing()) {
            org.slf4j.LoggerFactory.getLogger(AxonConfig.class).warn("Ballots in the ballot box are not sealed: set"
                    + " thidua.ballot.box-key (THIDUA_BALLOT_BOX_KEY) outside the embedded demo (README, \"Secret ballot\")");
        }
        return new BallotBox(jdbc, transactions, seal);
    }

    @Bean
    public EventStoreLookups eventStoreLookups(EventStore eventStore, EventTable events) {
        return new EventStoreLookups(eventStore, events::lastSequenceOf);
    }

    /**
     * Who acted, for which unit, in which role, the request's correlation id and the client's request id travel
     * from command to events unchanged. (Axon's MessageOriginProvider would replace the correlation id with the
     * command's message id, so the request's own id is carried instead, and the command id as causation.)
     */
    @Bean
    public CorrelationDataProvider actorCorrelationProvider() {
        return commandsOnly(new SimpleCorrelationDataProvider(MetadataKeys.USER, MetadataKeys.UNIT, MetadataKeys.ROLE,
                MetadataKeys.CORRELATION_ID, MetadataKeys.CLIENT_REQUEST_ID));
    }

    @Bean
    public CorrelationDataProvider causationProvider() {
        return commandsOnly(new MessageOriginProvider("causationId", "traceId"));
    }

    /**
     * Only commands pass their metadata on (to the events they cause). Projections and queries send nothing on, yet
     * Axon asks the providers for every event a processor handles, which made every processor deserialize every
     * event's metadata (a fifth of the league-table worker's CPU in bench/profile-command-path.sh).
     */
    private static CorrelationDataProvider commandsOnly(CorrelationDataProvider provider) {
        return message -> message instanceof CommandMessage<?> ? provider.correlationDataFor(message) : Map.of();
    }
}
