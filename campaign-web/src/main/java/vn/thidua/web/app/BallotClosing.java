package vn.thidua.web.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Closes ballots at their {@code closesAt}: every {@code thidua.ballot.close-check-millis} (10 s) each node asks the
 * ballots read model for open ballots whose time has come and sends {@code CloseBallot}. Nothing is held in memory,
 * so a restart loses nothing (a ballot due while every node was down closes at the first check after start); with
 * two nodes both may try, the ballot's stream takes one close (the other is refused as a second close, or loses the
 * append race and is refused on retry) and records nothing more. Votes are refused from {@code closesAt} on by the
 * aggregate itself, whenever the close happens. The log names ballots, never a vote.
 */
@Component
public class BallotClosing implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(BallotClosing.class);

    private final BallotService ballots;
    private final Clock clock;
    private final long intervalMillis;
    private ScheduledExecutorService scheduler;

    public BallotClosing(BallotService ballots, Clock clock,
                         @Value("${thidua.ballot.close-check-millis:10000}") long intervalMillis) {
        this.ballots = ballots;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
    }

    void check() {
        try {
            int closed = ballots.closeDue(clock.instant());
            if (closed > 0) {
                log.info("closed {} ballot(s) at their closing time", closed);
            }
        } catch (RuntimeException e) {
            log.warn("ballots due could not be closed now, trying again in {} ms: {}", intervalMillis,
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ballot-closing");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::check, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    /** After Axon's processors have started, before they stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
