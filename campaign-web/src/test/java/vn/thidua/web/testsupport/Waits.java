package vn.thidua.web.testsupport;

/** Pauses of the tests that poll a running application or a node. */
public final class Waits {
    private Waits() {
    }

    /** Sleeps; an interrupt keeps the thread's flag and ends the test. */
    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
